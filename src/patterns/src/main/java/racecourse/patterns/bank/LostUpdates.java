package racecourse.patterns.bank;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Supplier;
import racecourse.experiment.LossHistogram;
import racecourse.experiment.StartGate;
import racecourse.experiment.Workers;
import racecourse.display.BarChart;
import racecourse.display.Displayable;
import racecourse.display.MimeBundle;

/**
 * The lesson 1 experiment: in each trial several threads each deposit 1 into a fresh bank many times, released
 * together by a {@link StartGate}; the deposits missing from the final balance are that trial's lost updates.
 * Thread-safe (each call uses its own banks and threads).
 */
public final class LostUpdates {
    /** Distance between the depositors' counters, in longs: 128 bytes, so no two share a cache line. */
    private static final int SLOT = 16;

    private LostUpdates() {
    }

    /**
     * The outcome of {@link #measure}: the number of deposits lost in each trial.
     *
     * @param bank the bank's class name
     * @param threads threads per trial
     * @param depositsPerThread deposits each thread made per trial
     * @param lost lost deposits, one entry per trial
     */
    public record Run(String bank, int threads, int depositsPerThread, long[] lost) implements Displayable {
        public Run {
            lost = lost.clone();
        }

        /** Deposits made per trial, which is what the balance should be at the end of each trial. */
        public long expected() {
            return (long) threads * depositsPerThread;
        }

        /** Number of trials. */
        public int trials() {
            return lost.length;
        }

        /** Lost deposits per trial (a copy). */
        @Override
        public long[] lost() {
            return lost.clone();
        }

        /** Trials whose final balance was short of {@link #expected()}. */
        public int trialsWithLoss() {
            int n = 0;
            for (long x : lost) if (x > 0) n++;
            return n;
        }

        /** Deposits lost over all trials. */
        public long totalLost() {
            long sum = 0;
            for (long x : lost) sum += x;
            return sum;
        }

        /** The most deposits lost in one trial. */
        public long maxLost() {
            long max = 0;
            for (long x : lost) max = Math.max(max, x);
            return max;
        }

        /** A histogram of lost deposits per trial: a bar for the trials that lost nothing, then ranges. */
        public BarChart histogram() {
            return LossHistogram.of(lost, 15, bank + ": deposits lost per trial (" + trials() + " trials)",
                    "deposits lost in a trial");
        }

        /** One sentence with the numbers. */
        public String summary() {
            return String.format("%s, %d threads x %,d deposits (balance should be %,d): %d of %d trials lost "
                            + "deposits; %,d lost in all, at most %,d in one trial (%.2f%% of that trial's deposits).",
                    bank, threads, depositsPerThread, expected(), trialsWithLoss(), trials(), totalLost(), maxLost(),
                    100.0 * maxLost() / expected());
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

    /**
     * Runs {@code trials} trials; in each, {@code threads} threads deposit 1 into a new bank from {@code banks}
     * {@code depositsPerThread} times each. A bank that is {@link AutoCloseable} (a teller with its own thread) is
     * closed at the end of its trial.
     */
    public static Run measure(Supplier<? extends Bank> banks, int threads, int depositsPerThread, int trials) {
        if (threads < 1 || depositsPerThread < 1 || trials < 1) {
            throw new IllegalArgumentException("threads, depositsPerThread and trials must all be at least 1, got "
                    + threads + ", " + depositsPerThread + ", " + trials);
        }
        long[] lost = new long[trials];
        String name = null;
        for (int t = 0; t < trials; t++) {
            Bank bank = banks.get();
            if (name == null) name = bank.getClass().getSimpleName();
            StartGate gate = new StartGate(threads);
            AtomicLongArray made = new AtomicLongArray(threads * SLOT); // one counter per cache line or two
            List<Thread> workers = new ArrayList<>(threads);
            for (int w = 0; w < threads; w++) {
                int me = w;
                workers.add(Thread.ofPlatform().name("depositor-" + w).start(() -> {
                    gate.arriveAndAwait();
                    for (int i = 0; i < depositsPerThread; i++) {
                        bank.deposit(1);
                        // Each depositor keeps its own count of deposits made. Besides being the number the balance
                        // is checked against, this store orders the deposits: without it the JIT compiler may merge
                        // the whole loop into one addition, and then a trial loses all of a thread's deposits or none.
                        made.set(me * SLOT, i + 1);
                    }
                }));
            }
            gate.openWhenAllArrived();
            Workers.joinAll(workers);
            long deposited = 0;
            for (int w = 0; w < threads; w++) deposited += made.get(w * SLOT);
            lost[t] = deposited - bank.balance();
            if (bank instanceof AutoCloseable closeable) close(closeable); // e.g. a teller's thread
        }
        return new Run(name, threads, depositsPerThread, lost);
    }

    private static void close(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not close " + closeable, e);
        }
    }
}
