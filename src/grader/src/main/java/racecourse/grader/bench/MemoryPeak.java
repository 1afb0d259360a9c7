package racecourse.grader.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples the resident memory of this process and all its descendants (the child JVMs) every 100 ms from
 * {@code /proc} and keeps the largest sum. On a system without {@code /proc} the peak reads 0.
 * Thread-safe: the sampler writes atomics that {@link #stop} reads.
 */
final class MemoryPeak {
    private final AtomicLong peak = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread sampler;

    private MemoryPeak() {
        sampler = Thread.ofPlatform().daemon().name("memory-peak").start(() -> {
            while (running.get()) {
                long sum = rss(ProcessHandle.current().pid());
                for (ProcessHandle h : ProcessHandle.current().descendants().toList()) {
                    sum += rss(h.pid());
                }
                peak.accumulateAndGet(sum, Math::max);
                try {
                    Thread.sleep(100); // a sampling period, not a wait for an event
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /** Starts sampling. */
    static MemoryPeak start() {
        return new MemoryPeak();
    }

    /** Stops sampling and returns the peak in bytes. */
    long stop() throws InterruptedException {
        running.set(false);
        sampler.interrupt();
        sampler.join();
        return peak.get();
    }

    private static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // The process ended between listing and reading.
        }
        return 0;
    }
}
