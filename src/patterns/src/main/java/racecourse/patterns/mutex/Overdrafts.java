package racecourse.patterns.mutex;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import racecourse.patterns.bank.Bank;
import racecourse.experiment.StartGate;
import racecourse.experiment.Workers;

/**
 * The withdraw experiment: a fresh bank holds {@code funds}; several customers, released together, each try to
 * withdraw 1 as many times as there are funds. Correctly, exactly {@code funds} withdrawals succeed and the
 * balance ends at 0; a bank that ends below zero paid out money it did not have, and how far below zero it ended
 * is that trial's overdraft. Thread-safe (each call uses its own banks and threads).
 */
public final class Overdrafts {
    private Overdrafts() {
    }

    /**
     * The outcome of {@link #measure}.
     *
     * @param bank the bank's class name
     * @param customers customer threads per trial
     * @param funds the balance each trial starts with; each customer attempts that many withdrawals of 1
     * @param overdrafts how far below zero each trial ended (0 when it did not)
     */
    public record Run(String bank, int customers, int funds, long[] overdrafts) {
        public Run {
            overdrafts = overdrafts.clone();
        }

        @Override
        public long[] overdrafts() {
            return overdrafts.clone();
        }

        /** Trials with at least one overdraft. */
        public int overdrawnTrials() {
            int n = 0;
            for (long x : overdrafts) if (x > 0) n++;
            return n;
        }

        /** Money paid out that the bank did not have, over all trials. */
        public long total() {
            long sum = 0;
            for (long x : overdrafts) sum += x;
            return sum;
        }

        /** The numbers in one sentence. */
        public String summary() {
            long worst = 0;
            for (long x : overdrafts) worst = Math.max(worst, x);
            return String.format("%s: %d of %d trials ended below zero (%d customers withdrawing 1 at a time from %,d); "
                    + "the worst ended at %d.", bank, overdrawnTrials(), overdrafts.length, customers, funds, -worst);
        }

        @Override
        public String toString() {
            return summary();
        }
    }

    /** Runs {@code trials} trials in which {@code customers} customers share a bank that starts with {@code funds}. */
    public static Run measure(Supplier<? extends Bank> banks, int customers, int funds, int trials) {
        if (customers < 1 || funds < 1 || trials < 1) {
            throw new IllegalArgumentException("customers, funds and trials must be at least 1, got "
                    + customers + ", " + funds + ", " + trials);
        }
        long[] overdrafts = new long[trials];
        String name = null;
        for (int t = 0; t < trials; t++) {
            Bank bank = banks.get();
            if (name == null) name = bank.getClass().getSimpleName();
            bank.deposit(funds);
            StartGate gate = new StartGate(customers);
            List<Thread> threads = new ArrayList<>(customers);
            for (int c = 0; c < customers; c++) {
                threads.add(Thread.ofPlatform().name("customer-" + c).start(() -> {
                    gate.arriveAndAwait();
                    for (int i = 0; i < funds; i++) bank.withdraw(1);
                }));
            }
            gate.openWhenAllArrived();
            Workers.joinAll(threads);
            overdrafts[t] = Math.max(0, -bank.balance());
        }
        return new Run(name, customers, funds, overdrafts);
    }
}
