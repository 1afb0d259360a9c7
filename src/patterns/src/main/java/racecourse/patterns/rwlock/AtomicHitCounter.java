package racecourse.patterns.rwlock;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * {@link ReadLockHitCounter} fixed: lookups still share the read lock, because they only read the map, and the
 * one thing they write, the hit count, is an {@link AtomicLong} whose increments cannot be lost. (Taking the write
 * lock in {@code price} would be correct too, but then lookups would no longer overlap.) Thread-safe.
 */
public final class AtomicHitCounter {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Long> prices = new HashMap<>(); // guarded by lock (write lock for changes)
    private final AtomicLong hits = new AtomicLong(); // atomic: needs no lock

    /** Sets a price, under the write lock. */
    public void set(String name, long price) {
        lock.writeLock().lock();
        try {
            prices.put(name, price);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Looks a price up (0 when unknown) under the read lock and counts the hit atomically. */
    public long price(String name) {
        hits.incrementAndGet();
        lock.readLock().lock();
        try {
            return prices.getOrDefault(name, 0L);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The number of lookups counted so far. */
    public long hits() {
        return hits.get();
    }
}
