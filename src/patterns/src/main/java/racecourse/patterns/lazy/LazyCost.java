package racecourse.patterns.lazy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import racecourse.patterns.icons.Icon;
import racecourse.patterns.icons.IconCache;

/**
 * A small benchmark of what an already-loaded lazy getter costs per call when several threads call it at once.
 * Each thread calls {@code icon} in a loop for the given time; the result is calls per microsecond, summed over
 * threads, and nanoseconds per call per thread. A rough classroom measurement, not a JMH benchmark: no forks,
 * short warm-up, noisy on a busy machine. Thread-safe.
 */
public final class LazyCost {
    /**
     * One measurement.
     *
     * @param name what was measured
     * @param threads how many threads called at once
     * @param calls total calls made
     * @param elapsed time measured
     */
    public record Cost(String name, int threads, long calls, Duration elapsed) {
        /** Average nanoseconds a thread spent per call. */
        public double nanosPerCall() {
            return calls == 0 ? Double.NaN : (double) elapsed.toNanos() * threads / calls;
        }

        /** Calls completed per microsecond by all threads together. */
        public double callsPerMicro() {
            return calls * 1000.0 / elapsed.toNanos();
        }

        @Override
        public String toString() {
            return String.format("%-22s %d threads: %,d calls in %d ms, %.1f ns per call", name, threads, calls,
                    elapsed.toMillis(), nanosPerCall());
        }
    }

    @SuppressWarnings("unused")
    private static volatile int blackhole;

    private LazyCost() {
    }

    /** Loads the cache once, warms it up, then measures {@code threads} threads calling it for {@code time}. */
    public static Cost measure(String name, IconCache cache, int threads, Duration time) throws InterruptedException {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
        if (cache.icon(IconSet.LAST) == null) throw new IllegalStateException(name + " did not load " + IconSet.LAST);
        run(cache, threads, Duration.ofMillis(Math.min(100, Math.max(20, time.toMillis() / 4))));
        long start = System.nanoTime();
        long calls = run(cache, threads, time);
        return new Cost(name, threads, calls, Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Measures every loaded variant with 1 and 2 threads and prints one line per measurement,
     * {@code cost variant=NAME threads=N calls=C nanos=T}, followed by the same measurement as a
     * {@link racecourse.measure.Timing} line ({@code NAME ×N}, ns per call). Lesson 7 runs it five times through
     * {@code Timing}, each in a JVM of its own, so that nothing loaded in the notebook's JVM is what gets measured.
     * Argument: milliseconds per measurement (default 150).
     */
    public static void main(String[] args) throws InterruptedException {
        Duration time = Duration.ofMillis(args.length > 0 ? Long.parseLong(args[0]) : 150);
        java.util.Map<String, IconCache> variants = new java.util.LinkedHashMap<>();
        variants.put("synchronized", new SynchronizedIcons(new racecourse.patterns.icons.IconLoader()));
        variants.put("double-checked", new DoubleCheckedIcons(new racecourse.patterns.icons.IconLoader()));
        variants.put("holder-class", new HolderIcons());
        variants.put("no-synchronization", new RacyDoubleCheckedIcons(new racecourse.patterns.icons.IconLoader()));
        for (var e : variants.entrySet()) {
            for (int threads = 1; threads <= 2; threads++) {
                Cost c = measure(e.getKey(), e.getValue(), threads, time);
                System.out.println("cost variant=" + c.name() + " threads=" + threads + " calls=" + c.calls()
                        + " nanos=" + c.elapsed().toNanos());
                System.out.println(racecourse.measure.Timing.line(c.name() + " ×" + threads, c.nanosPerCall()));
            }
        }
    }

    private static long run(IconCache cache, int threads, Duration time) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch ready = new CountDownLatch(threads);
        long[] counts = new long[threads];
        List<Thread> workers = new ArrayList<>();
        String[] names = IconSet.NAMES.toArray(String[]::new);
        for (int t = 0; t < threads; t++) {
            int me = t;
            workers.add(Thread.ofPlatform().name("caller-" + t).start(() -> {
                ready.countDown();
                long n = 0;
                int sink = 0;
                while (!stop.get()) {
                    for (int i = 0; i < 64; i++) {
                        Icon icon = cache.icon(names[i & 7]);
                        sink += icon.size();
                    }
                    n += 64;
                }
                counts[me] = n;
                blackhole = sink; // consumed, so the JIT cannot drop the calls
            }));
        }
        ready.await();
        Thread.sleep(time.toMillis());
        stop.set(true);
        long total = 0;
        for (int t = 0; t < threads; t++) {
            workers.get(t).join();
            total += counts[t];
        }
        return total;
    }
}
