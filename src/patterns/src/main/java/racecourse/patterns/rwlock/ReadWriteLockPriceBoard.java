package racecourse.patterns.rwlock;

import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The price board behind a {@link ReentrantReadWriteLock}: any number of readers may hold the read lock at once,
 * a writer holds the write lock alone. Readers still write to the lock's shared state when they enter and leave,
 * so with very short reads, or few readers at a time, this costs more than a plain mutex. Thread-safe.
 */
public final class ReadWriteLockPriceBoard implements PriceBoard {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final long[] prices; // guarded by lock (reads under the read lock, writes under the write lock)

    /** A board of {@code size} prices, all zero. */
    public ReadWriteLockPriceBoard(int size) {
        prices = new long[PriceBoards.checkSize(size)];
    }

    @Override
    public int size() {
        return prices.length;
    }

    @Override
    public void set(int item, long price) {
        lock.writeLock().lock();
        try {
            prices[item] = price;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void move(int from, int to, long amount) {
        lock.writeLock().lock();
        try {
            prices[from] -= amount;
            prices[to] += amount;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public long price(int item) {
        lock.readLock().lock();
        try {
            return prices[item];
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public long total() {
        lock.readLock().lock();
        try {
            return PriceBoards.sum(prices);
        } finally {
            lock.readLock().unlock();
        }
    }
}
