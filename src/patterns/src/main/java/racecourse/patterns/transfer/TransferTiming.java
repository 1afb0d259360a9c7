package racecourse.patterns.transfer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import racecourse.measure.Timing;

/**
 * One run of lesson 04's lock-ordering timing, meant for a child JVM started by {@link Timing}: two threads move
 * money back and forth between the same two accounts, one a to b and the other b to a, each transfer repeated
 * until it moves, with the id-ordered locks and with {@code tryLock} and back-off. Prints one {@code measure}
 * line per way (milliseconds for all transfers) after an unreported warm-up. Exits with status 1 if money was
 * made or lost, so a timing never reports numbers from a broken run. Thread-safe (a main; its state is its own).
 */
public final class TransferTiming {
    /** The variant name of the id-ordered locks. */
    public static final String ORDERED = "lock order (by id)";
    /** The variant name of tryLock with back-off. */
    public static final String BACKOFF = "tryLock and back off";

    private TransferTiming() {
    }

    /** Arguments: transfers per thread. */
    public static void main(String[] args) throws InterruptedException {
        if (args.length != 1) {
            System.err.println("usage: TransferTiming TRANSFERS_PER_THREAD");
            System.exit(2);
        }
        int transfers = Integer.parseInt(args[0]);
        Map<String, Transfers> ways = new LinkedHashMap<>();
        ways.put(ORDERED, new OrderedTransfers());
        ways.put(BACKOFF, new BackoffTransfers(100));
        for (int pass = 0; pass < 2; pass++) {
            for (var way : ways.entrySet()) {
                double millis = time(way.getValue(), pass == 0 ? Math.max(1, transfers / 10) : transfers);
                if (pass == 1) System.out.println(Timing.line(way.getKey(), millis));
            }
        }
    }

    /** Two threads, opposite directions, {@code transfers} each; returns the milliseconds they took. */
    static double time(Transfers way, int transfers) throws InterruptedException {
        Account a = new Account(1, 1_000);
        Account b = new Account(2, 1_000);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (Account[] pair : new Account[][] {{a, b}, {b, a}}) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < transfers; i++) {
                    while (!way.transfer(pair[0], pair[1], 1)) Thread.onSpinWait(); // refused: try again
                }
            }));
        }
        long start = System.nanoTime();
        go.countDown();
        for (Thread t : threads) t.join();
        double millis = (System.nanoTime() - start) / 1e6;
        if (a.balance() + b.balance() != 2_000) {
            System.err.println("money was made or lost: " + a.balance() + " + " + b.balance());
            System.exit(1);
        }
        return millis;
    }
}
