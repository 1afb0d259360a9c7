package racecourse.patterns.bank;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import racecourse.experiment.StartGate;
import racecourse.experiment.Workers;

/**
 * The check-then-act experiment: in each trial two threads, released together, open the same list of accounts
 * at a fresh {@link WelcomeDesk}; an account that ends with more than one bonus was paid twice. Thread-safe
 * (each call uses its own desks and threads).
 */
public final class DoubleBonuses {
    private DoubleBonuses() {
    }

    /**
     * The outcome of {@link #measure}.
     *
     * @param desk the desk's class name
     * @param trials trials run
     * @param accountsPerTrial accounts both threads opened in each trial
     * @param doublePaid accounts paid more than one bonus, over all trials
     * @param trialsWithDoublePay trials with at least one such account
     */
    public record Run(String desk, int trials, int accountsPerTrial, long doublePaid, int trialsWithDoublePay) {
        /** One sentence with the numbers. */
        public String summary() {
            return String.format("%s: %,d of %,d accounts were paid the bonus twice; %d of %d trials had at least one.",
                    desk, doublePaid, (long) trials * accountsPerTrial, trialsWithDoublePay, trials);
        }

        @Override
        public String toString() {
            return summary();
        }
    }

    /** Runs {@code trials} trials in which two threads open the same {@code accountsPerTrial} accounts. */
    public static Run measure(Supplier<? extends WelcomeDesk> desks, int accountsPerTrial, int trials) {
        if (accountsPerTrial < 1 || trials < 1) {
            throw new IllegalArgumentException("accountsPerTrial and trials must be at least 1, got "
                    + accountsPerTrial + ", " + trials);
        }
        List<String> names = new ArrayList<>(accountsPerTrial);
        for (int i = 0; i < accountsPerTrial; i++) names.add("customer-" + i);
        long doublePaid = 0;
        int badTrials = 0;
        String deskName = null;
        for (int t = 0; t < trials; t++) {
            WelcomeDesk desk = desks.get();
            if (deskName == null) deskName = desk.getClass().getSimpleName();
            StartGate gate = new StartGate(2);
            List<Thread> clerks = new ArrayList<>(2);
            for (int c = 0; c < 2; c++) {
                clerks.add(Thread.ofPlatform().name("clerk-" + c).start(() -> {
                    gate.arriveAndAwait();
                    for (String name : names) desk.open(name);
                }));
            }
            gate.openWhenAllArrived();
            Workers.joinAll(clerks);
            int here = 0;
            for (String name : names) if (desk.balance(name) > WelcomeDesk.BONUS) here++;
            doublePaid += here;
            if (here > 0) badTrials++;
        }
        return new Run(deskName, trials, accountsPerTrial, doublePaid, badTrials);
    }
}
