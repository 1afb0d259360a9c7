package racecourse.race.bench;

import java.util.Arrays;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;

/**
 * The child program of the dormant measurement: times lesson 04's lock loop (two threads, each taking one shared
 * monitor {@link #ROUNDS} times; or one thread alone, which takes the monitor as often with no other thread to
 * wait for) either as a notebook cell does (JShell snippets whose classes load in this JVM) or as plain compiled
 * code. Prints {@code RESULT <median nanos>} over {@link #TRIALS} trials after warm-up. Not thread-safe: one run
 * per JVM.
 */
public final class DormantProbe {
    /** Lock acquisitions per thread and trial. */
    public static final int ROUNDS = 2_000_000;
    /** Timed trials (after as many warm-up trials). */
    public static final int TRIALS = 7;

    /** The loop as a cell declares it; {@link #plainTrial} is the same code compiled ahead. */
    static final String CELL = """
            long lockTrial(int rounds, int threads) throws InterruptedException {
                Object lock = new Object();
                long[] count = new long[1];
                Runnable body = () -> { for (int i = 0; i < rounds; i++) synchronized (lock) { count[0]++; } };
                long start = System.nanoTime();
                Thread a = new Thread(body);
                Thread b = new Thread(threads == 2 ? body : () -> { });
                a.start(); b.start(); a.join(); b.join();
                if (count[0] != (long) threads * rounds) throw new AssertionError(count[0]);
                return System.nanoTime() - start;
            }
            """;

    private DormantProbe() {
    }

    /** {@code DormantProbe cell|plain [threads]}: threads 2 (the default) or 1. */
    public static void main(String[] args) throws Exception {
        long[] times = new long[TRIALS];
        int threads = args.length == 2 ? Integer.parseInt(args[1]) : 2;
        String trial = "lockTrial(" + ROUNDS + ", " + threads + ")";
        if (args.length < 1 || args.length > 2 || threads != 1 && threads != 2) {
            System.err.println("usage: DormantProbe cell|plain [1|2]");
            System.exit(2);
        } else if (args[0].equals("cell")) {
            try (JShell shell = JShell.builder().executionEngine("local").build()) {
                check(shell.eval(CELL));
                for (int i = 0; i < TRIALS; i++) check(shell.eval(trial));
                for (int i = 0; i < TRIALS; i++) {
                    List<SnippetEvent> e = shell.eval(trial);
                    check(e);
                    times[i] = Long.parseLong(e.getLast().value());
                }
            }
        } else if (args[0].equals("plain")) {
            for (int i = 0; i < TRIALS; i++) plainTrial(ROUNDS, threads);
            for (int i = 0; i < TRIALS; i++) times[i] = plainTrial(ROUNDS, threads);
        } else {
            System.err.println("usage: DormantProbe cell|plain [1|2]");
            System.exit(2);
        }
        Arrays.sort(times);
        System.out.println("RESULT " + times[TRIALS / 2]);
    }

    private static void check(List<SnippetEvent> events) {
        for (SnippetEvent e : events) {
            if (e.status() == Snippet.Status.REJECTED || e.exception() != null) {
                throw new IllegalStateException("the probe's cell failed: " + e);
            }
        }
    }

    static long plainTrial(int rounds, int threads) throws InterruptedException {
        Object lock = new Object();
        long[] count = new long[1];
        Runnable body = () -> {
            for (int i = 0; i < rounds; i++) {
                synchronized (lock) {
                    count[0]++;
                }
            }
        };
        long start = System.nanoTime();
        Thread a = new Thread(body);
        Thread b = new Thread(threads == 2 ? body : () -> { });
        a.start();
        b.start();
        a.join();
        b.join();
        if (count[0] != (long) threads * rounds) throw new AssertionError(count[0]);
        return System.nanoTime() - start;
    }
}
