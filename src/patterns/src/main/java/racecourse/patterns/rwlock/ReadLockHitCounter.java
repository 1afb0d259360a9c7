package racecourse.patterns.rwlock;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A price list whose lookups count their hits, with the classic read/write-lock mistake: {@link #price} takes
 * only the read lock and still writes {@code hits}. Readers hold the read lock together, so two lookups can both
 * read the same count and both store it plus one. Not thread-safe (on purpose: lesson 05's bug to find).
 */
public final class ReadLockHitCounter {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Long> prices = new HashMap<>(); // guarded by lock (write lock for changes)
    private long hits; // meant to be guarded by lock's write lock, but written under the read lock: the bug

    /** Sets a price, under the write lock. */
    public void set(String name, long price) {
        lock.writeLock().lock();
        try {
            prices.put(name, price);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Looks a price up (0 when unknown) and counts the hit, all under the read lock: the count can lose hits. */
    public long price(String name) {
        lock.readLock().lock();
        try {
            hits++; // a write under a lock that other readers hold at the same time
            return prices.getOrDefault(name, 0L);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The number of lookups counted so far. */
    public long hits() {
        lock.readLock().lock();
        try {
            return hits;
        } finally {
            lock.readLock().unlock();
        }
    }
}
