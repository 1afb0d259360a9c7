package racecourse.patterns.mutex;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import racecourse.measure.Timing;
import racecourse.patterns.bank.Bank;
import racecourse.patterns.bank.LostUpdates;
import racecourse.patterns.bank.UnsafeBank;

/**
 * One run of lesson 04's timing, meant for a child JVM started by {@link Timing}: two threads deposit into each
 * bank for a number of trials, after one unreported warm-up trial per bank, and one {@code measure} line per bank
 * gives the milliseconds per trial. Thread-safe (a main; its state is its own).
 */
public final class BankTiming {
    private BankTiming() {
    }

    /** The banks timed, in the order the lesson shows them. */
    public static Map<String, Supplier<Bank>> banks() {
        Map<String, Supplier<Bank>> banks = new LinkedHashMap<>();
        banks.put("UnsafeBank", UnsafeBank::new);
        banks.put("SemaphoreBank", SemaphoreBank::new);
        banks.put("LockBank", LockBank::new);
        banks.put("SynchronizedBank", SynchronizedBank::new);
        return banks;
    }

    /** Arguments: deposits per thread, trials. */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: BankTiming DEPOSITS_PER_THREAD TRIALS");
            System.exit(2);
        }
        int deposits = Integer.parseInt(args[0]);
        int trials = Integer.parseInt(args[1]);
        for (var bank : banks().entrySet()) LostUpdates.measure(bank.getValue(), 2, deposits, 1); // warm-up
        for (var bank : banks().entrySet()) {
            long start = System.nanoTime();
            LostUpdates.measure(bank.getValue(), 2, deposits, trials);
            System.out.println(Timing.line(bank.getKey(), (System.nanoTime() - start) / 1e6 / trials));
        }
    }
}
