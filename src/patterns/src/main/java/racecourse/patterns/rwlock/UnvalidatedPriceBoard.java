package racecourse.patterns.rwlock;

import java.util.concurrent.locks.StampedLock;

/**
 * {@link StampedLockPriceBoard} with the validation left out: it takes an optimistic stamp, sums the prices and
 * returns the sum without asking whether a writer came in meanwhile. A read that overlaps a {@link #move} can
 * then count the money twice or not at all, and the total comes out wrong. Not thread-safe (its reads are
 * not).
 */
public final class UnvalidatedPriceBoard implements PriceBoard {
    private final StampedLock lock = new StampedLock();
    private final long[] prices; // guarded by lock for writes; reads are (wrongly) not checked

    /** A board of {@code size} prices, all zero. */
    public UnvalidatedPriceBoard(int size) {
        prices = new long[PriceBoards.checkSize(size)];
    }

    @Override
    public int size() {
        return prices.length;
    }

    @Override
    public void set(int item, long price) {
        long stamp = lock.writeLock();
        try {
            prices[item] = price;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    @Override
    public void move(int from, int to, long amount) {
        long stamp = lock.writeLock();
        try {
            prices[from] -= amount;
            prices[to] += amount;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    @Override
    public long price(int item) {
        lock.tryOptimisticRead();
        return prices[item];
    }

    @Override
    public long total() {
        lock.tryOptimisticRead(); // the stamp is thrown away: nothing checks it
        return PriceBoards.sum(prices);
    }
}
