package racecourse.patterns.rwlock;

import java.util.concurrent.locks.ReentrantLock;

/**
 * The price board behind one {@link ReentrantLock}: readers exclude each other as well as writers, so reads
 * never overlap even though they would not disturb one another. Thread-safe.
 */
public final class MutexPriceBoard implements PriceBoard {
    private final ReentrantLock lock = new ReentrantLock();
    private final long[] prices; // guarded by lock (the elements; the array reference is final)

    /** A board of {@code size} prices, all zero. */
    public MutexPriceBoard(int size) {
        prices = new long[PriceBoards.checkSize(size)];
    }

    @Override
    public int size() {
        return prices.length;
    }

    @Override
    public void set(int item, long price) {
        lock.lock();
        try {
            prices[item] = price;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void move(int from, int to, long amount) {
        lock.lock();
        try {
            prices[from] -= amount;
            prices[to] += amount;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long price(int item) {
        lock.lock();
        try {
            return prices[item];
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long total() {
        lock.lock();
        try {
            return PriceBoards.sum(prices);
        } finally {
            lock.unlock();
        }
    }
}
