package racecourse.patterns.threads;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A child-JVM program: start some virtual threads that all block in the same way, and count the carrier threads
 * of the virtual-thread scheduler (the platform threads named {@code ForkJoinPool-N-worker-M}) while they are
 * blocked. Two ways of blocking: {@code file-read}, a read from a named pipe (FIFO) with no data, which holds its
 * carrier in the operating system, so the scheduler adds carriers to make up for it; and {@code wait},
 * {@code Object.wait} inside {@code synchronized}, which since JDK 24 (JEP 491) unmounts the virtual thread and
 * needs no extra carrier. A program run once; each run's state is local to {@code main}, so it has no shared
 * state to guard.
 *
 * <p>Usage: {@code CarrierCensus file-read|wait THREADS} (Linux or macOS for {@code file-read}: it needs
 * {@code mkfifo}). Output line: {@code carriers mode=... threads=... parallelism=... before=... during=...
 * after=... blocked=...}, where {@code during} is the largest carrier count seen while the threads were blocked
 * and {@code blocked} how many of them were seen blocked.
 */
public final class CarrierCensus {
    private static final long DEADLINE_NANOS = 5_000_000_000L;

    private CarrierCensus() {
    }

    /** Runs the census; exits 2 on bad arguments. */
    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !List.of("file-read", "wait").contains(args[0])) {
            System.err.println("usage: CarrierCensus file-read|wait THREADS");
            System.exit(2);
        }
        String mode = args[0];
        int threads = Integer.parseInt(args[1]);
        Thread.ofVirtual().start(() -> { }).join(); // start the scheduler before the first count
        int before = carriers();
        int[] result = mode.equals("file-read") ? fileRead(threads) : monitorWait(threads);
        int after = carriers();
        System.out.printf("carriers mode=%s threads=%d parallelism=%d before=%d during=%d after=%d blocked=%d%n",
                mode, threads, parallelism(), before, result[0], after, result[1]);
    }

    /** The number of carriers the scheduler is meant to keep running (its parallelism). */
    static int parallelism() {
        String set = System.getProperty("jdk.virtualThreadScheduler.parallelism");
        return set != null ? Integer.parseInt(set) : Runtime.getRuntime().availableProcessors();
    }

    /** Counts the live platform threads that carry virtual threads, by their name. */
    static int carriers() {
        int n = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("ForkJoinPool-") && t.getName().contains("-worker-")) n++;
        }
        return n;
    }

    private static int[] fileRead(int threads) throws Exception {
        Path dir = Files.createTempDirectory("carriers");
        Path fifo = dir.resolve("pipe");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        if (mk.waitFor() != 0) throw new IOException("mkfifo failed for " + fifo);
        // The writer end opened read-write first, so that opening the reader does not wait for a writer.
        try (RandomAccessFile writer = new RandomAccessFile(fifo.toFile(), "rw");
                FileInputStream pipe = new FileInputStream(fifo.toFile())) {
            CountDownLatch started = new CountDownLatch(threads);
            List<Thread> all = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                all.add(Thread.ofVirtual().start(() -> {
                    started.countDown();
                    try {
                        pipe.read(); // blocks in the operating system until a byte arrives
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            // A pinned carrier that is not replaced leaves the other threads unstarted: wait with a deadline.
            started.await(DEADLINE_NANOS, TimeUnit.NANOSECONDS);
            // A thread blocked in a file read shows as RUNNABLE; what we wait for is the carriers the scheduler adds.
            int reading = threads - (int) started.getCount();
            int during = carriers();
            long deadline = System.nanoTime() + DEADLINE_NANOS;
            // When every thread started, the scheduler added carriers: wait for one per waiting reader to show.
            while (reading == threads && during < threads && System.nanoTime() < deadline) {
                Thread.onSpinWait();
                during = Math.max(during, carriers());
            }
            writer.write(new byte[threads]); // one byte for each reader
            for (Thread t : all) t.join();
            return new int[] {during, reading};
        } finally {
            Files.deleteIfExists(fifo);
            Files.deleteIfExists(dir);
        }
    }

    private static int[] monitorWait(int threads) throws InterruptedException {
        Object monitor = new Object();
        boolean[] open = {false}; // guarded by monitor
        List<Thread> all = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            all.add(Thread.ofVirtual().start(() -> {
                synchronized (monitor) {
                    while (!open[0]) {
                        try {
                            monitor.wait();
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            }));
        }
        int during = 0;
        int blocked = 0;
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (blocked < threads && System.nanoTime() < deadline) { // wait for the state itself: all WAITING
            blocked = (int) all.stream().filter(t -> t.getState() == Thread.State.WAITING).count();
            during = Math.max(during, carriers());
            Thread.onSpinWait();
        }
        during = Math.max(during, carriers());
        synchronized (monitor) {
            open[0] = true;
            monitor.notifyAll();
        }
        for (Thread t : all) t.join();
        return new int[] {during, blocked};
    }
}
