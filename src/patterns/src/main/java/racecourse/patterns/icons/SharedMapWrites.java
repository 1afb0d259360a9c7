package racecourse.patterns.icons;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import racecourse.display.BarChart;
import racecourse.display.Displayable;
import racecourse.display.Histogram;
import racecourse.display.MimeBundle;

/**
 * What happens to a map that two threads write at once: in each trial two threads, released together, put
 * disjoint keys into a fresh map; afterwards the trial counts keys that went missing, whether {@code size()}
 * agrees with the entries that are actually there, and exceptions the writers hit. A plain
 * {@link java.util.HashMap} loses entries when one thread resizes the table while the other inserts; a
 * {@link java.util.concurrent.ConcurrentHashMap} never does. Thread-safe (each call uses its own maps and
 * threads).
 */
public final class SharedMapWrites {
    /** A writer still running after this long is reported as stuck and the experiment stops. */
    static final long STUCK_AFTER_SECONDS = 10;

    private SharedMapWrites() {
    }

    /**
     * The outcome of {@link #measure}.
     *
     * @param map the map's class name
     * @param keysPerThread keys each of the two threads put per trial
     * @param lost keys missing after each trial
     * @param sizeMismatches trials whose {@code size()} disagreed with the entries found
     * @param exceptions trials in which a writer threw
     * @param stuck whether a writer never finished (the run then stopped early)
     */
    public record Run(String map, int keysPerThread, long[] lost, int sizeMismatches, int exceptions, boolean stuck)
            implements Displayable {
        public Run {
            lost = lost.clone();
        }

        @Override
        public long[] lost() {
            return lost.clone();
        }

        /** Trials run. */
        public int trials() {
            return lost.length;
        }

        /** Trials that lost at least one key. */
        public int trialsWithLoss() {
            int n = 0;
            for (long x : lost) if (x > 0) n++;
            return n;
        }

        /** Keys lost over all trials. */
        public long totalLost() {
            long sum = 0;
            for (long x : lost) sum += x;
            return sum;
        }

        /** Trials in which anything at all went wrong. */
        public boolean broken() {
            return trialsWithLoss() > 0 || sizeMismatches > 0 || exceptions > 0 || stuck;
        }

        /** A histogram of keys lost per trial. */
        public BarChart histogram() {
            long max = 0;
            for (long x : lost) max = Math.max(max, x);
            long bin = max < 20 ? 1 : max < 200 ? 10 : max < 2000 ? 100 : 1000;
            return Histogram.of(lost, bin, map + ": keys lost per trial (" + trials() + " trials)", "keys lost in a trial");
        }

        /** The numbers in one sentence. */
        public String summary() {
            return String.format("%s, 2 threads x %,d keys: %d of %d trials lost keys (%,d keys in all); "
                            + "size() wrong in %d trials; a writer threw in %d trials%s.",
                    map, keysPerThread, trialsWithLoss(), trials(), totalLost(), sizeMismatches, exceptions,
                    stuck ? "; a writer got stuck and the run stopped early" : "");
        }

        @Override
        public MimeBundle toMimeBundle() {
            BarChart chart = histogram();
            return new MimeBundle().withPng(chart.png()).with(MimeBundle.TEXT, summary() + "\n" + chart.summary());
        }

        @Override
        public String toString() {
            return summary();
        }
    }

    /** Runs {@code trials} trials of two threads putting {@code keysPerThread} distinct keys each. */
    public static Run measure(Supplier<? extends Map<Integer, Integer>> maps, int keysPerThread, int trials) {
        if (keysPerThread < 1 || trials < 1) {
            throw new IllegalArgumentException("keysPerThread and trials must be at least 1, got " + keysPerThread + ", " + trials);
        }
        List<Long> lost = new ArrayList<>();
        int mismatches = 0;
        int exceptions = 0;
        boolean stuck = false;
        String name = null;
        for (int t = 0; t < trials && !stuck; t++) {
            Map<Integer, Integer> map = maps.get();
            if (name == null) name = map.getClass().getSimpleName();
            racecourse.patterns.bank.StartGate gate = new racecourse.patterns.bank.StartGate(2);
            Throwable[] thrown = new Throwable[2];
            List<Thread> writers = new ArrayList<>(2);
            for (int w = 0; w < 2; w++) {
                int first = w * keysPerThread;
                int index = w;
                // daemon: a writer caught in a corrupted map must not keep the JVM alive
                writers.add(Thread.ofPlatform().daemon().name("writer-" + w).start(() -> {
                    gate.arriveAndAwait();
                    try {
                        for (int k = first; k < first + keysPerThread; k++) map.put(k, k);
                    } catch (RuntimeException | Error e) {
                        thrown[index] = e;
                    }
                }));
            }
            gate.openWhenAllArrived();
            for (Thread writer : writers) {
                if (!join(writer)) stuck = true;
            }
            if (stuck) break;
            if (thrown[0] != null || thrown[1] != null) exceptions++;
            long missing = 0;
            for (int k = 0; k < 2 * keysPerThread; k++) if (map.get(k) == null) missing++;
            long present = 2L * keysPerThread - missing;
            if (map.size() != present) mismatches++;
            lost.add(missing);
        }
        return new Run(name, keysPerThread, lost.stream().mapToLong(Long::longValue).toArray(), mismatches, exceptions, stuck);
    }

    private static boolean join(Thread writer) {
        try {
            return writer.join(java.time.Duration.ofSeconds(STUCK_AFTER_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
