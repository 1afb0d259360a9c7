package racecourse.patterns.visibility;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import racecourse.patterns.bank.Bank;

/**
 * Watches a bank for a negative balance: one thread keeps asking to withdraw more than the balance (every
 * attempt fails and rolls back) while the calling thread reads {@code balance()} over and over. Thread-safe
 * (every call uses its own threads and counters).
 */
public final class TransientNegativeProbe {
    /**
     * What one watch saw.
     *
     * @param reads how many times the reader called {@code balance()}
     * @param negativeReads how many of those reads returned a negative balance
     * @param lowest the lowest balance read
     * @param withdrawals how many (failing) withdrawals the writer made meanwhile
     * @param firstNegative time from the start to the first negative read, or null if there was none
     * @param elapsed how long the watch lasted
     */
    public record Watch(long reads, long negativeReads, int lowest, long withdrawals, Duration firstNegative,
            Duration elapsed) {
        /** Whether the reader ever saw a negative balance. */
        public boolean sawNegative() {
            return negativeReads > 0;
        }

        @Override
        public String toString() {
            return String.format("%,d reads in %d ms, %,d negative (lowest %d), %,d failed withdrawals%s", reads,
                    elapsed.toMillis(), negativeReads, lowest, withdrawals,
                    firstNegative == null ? "" : ", first negative after " + firstNegative.toNanos() / 1000 + " µs");
        }
    }

    private TransientNegativeProbe() {
    }

    /**
     * Deposits {@code balance}, then watches for {@code budget} while a writer withdraws {@code balance + 50}
     * again and again; stops early after {@code stopAfterNegatives} negative reads (0 means never stop early).
     */
    public static Watch watch(Bank bank, int balance, Duration budget, long stopAfterNegatives) {
        if (balance <= 0) throw new IllegalArgumentException("start with a positive balance, got " + balance);
        if (budget.isNegative() || budget.isZero()) throw new IllegalArgumentException("budget must be positive");
        bank.deposit(balance);
        int tooMuch = balance + 50;
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong withdrawals = new AtomicLong();
        Thread writer = Thread.ofPlatform().name("withdrawer").start(() -> {
            long n = 0;
            while (!stop.get()) {
                for (int i = 0; i < 256; i++) {
                    if (bank.withdraw(tooMuch)) throw new IllegalStateException("withdrew more than the balance");
                }
                n += 256;
            }
            withdrawals.set(n);
        });
        long start = System.nanoTime();
        long deadline = start + budget.toNanos();
        long reads = 0;
        long negatives = 0;
        int lowest = Integer.MAX_VALUE;
        long firstNegative = -1;
        try {
            while (true) {
                for (int i = 0; i < 1024; i++) {
                    int b = bank.balance();
                    if (b < lowest) lowest = b;
                    if (b < 0) {
                        negatives++;
                        if (firstNegative < 0) firstNegative = System.nanoTime() - start;
                    }
                }
                reads += 1024;
                if (System.nanoTime() >= deadline) break;
                if (stopAfterNegatives > 0 && negatives >= stopAfterNegatives) break;
            }
        } finally {
            stop.set(true);
            try {
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        long elapsed = System.nanoTime() - start;
        return new Watch(reads, negatives, lowest, withdrawals.get(),
                firstNegative < 0 ? null : Duration.ofNanos(firstNegative), Duration.ofNanos(elapsed));
    }
}
