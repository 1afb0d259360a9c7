package racecourse.patterns.rwlock;

import java.util.concurrent.locks.StampedLock;

/**
 * The price board behind a {@link StampedLock} with optimistic reads: a reader takes a stamp (no write to shared
 * state), copies what it needs, and then asks whether a writer came in meanwhile; only then does it read again
 * under the real read lock. Readers therefore do not slow each other down. The optimistic copy may be
 * inconsistent and must not be used before {@code validate} says it is good. StampedLock is not reentrant.
 * Thread-safe.
 */
public final class StampedLockPriceBoard implements PriceBoard {
    private final StampedLock lock = new StampedLock();
    private final long[] prices; // guarded by lock (writes under the write lock; reads validated or under the read lock)

    /** A board of {@code size} prices, all zero. */
    public StampedLockPriceBoard(int size) {
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
        long stamp = lock.tryOptimisticRead();
        long price = prices[item];
        if (lock.validate(stamp)) return price;
        stamp = lock.readLock();
        try {
            return prices[item];
        } finally {
            lock.unlockRead(stamp);
        }
    }

    @Override
    public long total() {
        long stamp = lock.tryOptimisticRead();
        long total = PriceBoards.sum(prices); // may see a write half-way: only trusted if validate succeeds
        if (lock.validate(stamp)) return total;
        stamp = lock.readLock();
        try {
            return PriceBoards.sum(prices);
        } finally {
            lock.unlockRead(stamp);
        }
    }
}
