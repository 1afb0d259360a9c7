package racecourse.patterns.icons;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Supplier;
import racecourse.display.BarChart;
import racecourse.display.Displayable;
import racecourse.display.MimeBundle;
import racecourse.process.ChildJvm;
import racecourse.experiment.LossHistogram;
import racecourse.experiment.StartGate;

/**
 * What happens to a map that two threads write at once: in each trial two threads, released together, put
 * disjoint keys into a fresh map; afterwards the trial counts keys that went missing, whether {@code size()}
 * agrees with the entries that are actually there, and exceptions the writers hit. A plain
 * {@link java.util.HashMap} loses entries when one thread resizes the table while the other inserts; a
 * {@link java.util.concurrent.ConcurrentHashMap} never does. (The resize cycle that trapped writers in an
 * endless loop is JDK 7's; JDK 8 and later keep bucket order.) A corrupted map is promised nothing and no thread
 * can be stopped from outside, so {@link #measureIsolated} runs the trials in a separate JVM that is ended when it
 * is done or stuck. Thread-safe
 * (each call uses its own maps, threads or process).
 */
public final class SharedMapWrites {
    /** A writer still running after this long is reported as stuck and the experiment stops. */
    static final long STUCK_AFTER_SECONDS = 3;

    /** Longest an isolated run may take before its JVM is ended. */
    static final Duration ISOLATED_RUN_LIMIT = Duration.ofSeconds(120);

    private SharedMapWrites() {
    }

    /** The maps {@link #measureIsolated} can test. */
    public enum MapKind {
        /** {@link java.util.HashMap}: not thread-safe. */
        HASH_MAP(java.util.HashMap::new),
        /** {@link java.util.concurrent.ConcurrentHashMap}: thread-safe. */
        CONCURRENT_HASH_MAP(java.util.concurrent.ConcurrentHashMap::new);

        private final Supplier<Map<Integer, Integer>> maker;

        MapKind(Supplier<Map<Integer, Integer>> maker) {
            this.maker = maker;
        }

        /** A new, empty map of this kind. */
        public Map<Integer, Integer> make() {
            return maker.get();
        }
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
            return LossHistogram.of(lost, 15, map + ": keys lost per trial (" + trials() + " trials)", "keys lost in a trial");
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
            StartGate gate = new StartGate(2);
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

    /**
     * Runs {@link #measure} in a separate JVM (same Java, same class path), so that a writer caught in a
     * corrupted map dies with that JVM instead of spinning in this one for ever.
     *
     * @throws IllegalStateException if the JVM cannot be started, fails, or runs past {@link #ISOLATED_RUN_LIMIT}
     *     (see {@link ChildJvm#run})
     */
    public static Run measureIsolated(MapKind kind, int keysPerThread, int trials) {
        if (keysPerThread < 1 || trials < 1) {
            throw new IllegalArgumentException("keysPerThread and trials must be at least 1, got " + keysPerThread + ", " + trials);
        }
        String output = ChildJvm.run(SharedMapWrites.class, List.of("-XX:+UseSerialGC"),
                List.of(kind.name(), Integer.toString(keysPerThread), Integer.toString(trials)), ISOLATED_RUN_LIMIT)
                .orThrow().out();
        return parse(output.strip());
    }

    /** Runs {@link #measure} and prints the result as one line; the entry point of {@link #measureIsolated}. */
    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: SharedMapWrites HASH_MAP|CONCURRENT_HASH_MAP KEYS_PER_THREAD TRIALS");
            System.exit(2);
        }
        MapKind kind = MapKind.valueOf(args[0]);
        Run run = measure(kind::make, Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        System.out.println(format(run));
        System.out.flush();
        System.exit(0); // ends a writer that is stuck in a corrupted map, if there is one
    }

    static String format(Run run) {
        StringBuilder lost = new StringBuilder();
        for (long x : run.lost) lost.append(lost.isEmpty() ? "" : ",").append(x);
        return String.join(" ", run.map, Integer.toString(run.keysPerThread), Integer.toString(run.sizeMismatches),
                Integer.toString(run.exceptions), Boolean.toString(run.stuck), lost.isEmpty() ? "-" : lost.toString());
    }

    static Run parse(String line) {
        String[] f = line.split(" ");
        if (f.length != 6) throw new IllegalStateException("unexpected output from the map experiment: '" + line + "'");
        long[] lost = f[5].equals("-") ? new long[0] : Arrays.stream(f[5].split(",")).mapToLong(Long::parseLong).toArray();
        return new Run(f[0], Integer.parseInt(f[1]), lost, Integer.parseInt(f[2]), Integer.parseInt(f[3]),
                Boolean.parseBoolean(f[4]));
    }

    private static boolean join(Thread writer) {
        try {
            return writer.join(Duration.ofSeconds(STUCK_AFTER_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
