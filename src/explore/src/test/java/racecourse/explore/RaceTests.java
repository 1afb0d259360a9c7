package racecourse.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import racecourse.explore.report.ExploreResult;

/** The happens-before check on explored schedules. */
class RaceTests {
    static final class Holder {
        Object value;
        int plain;
        volatile int shared;
        final Object lock = new Object();
        final AtomicInteger atomic = new AtomicInteger();

        Object get() { // double-checked locking without volatile
            Object v = value;
            if (v == null) {
                synchronized (lock) {
                    v = value;
                    if (v == null) {
                        v = new Object();
                        value = v;
                    }
                }
            }
            return v;
        }
    }

    @Test
    void doubleCheckedLockingWithoutVolatileIsARaceThoughNoScheduleFails() {
        ExploreResult r = Explore.of(Holder::new).thread(Holder::get).thread(Holder::get).explore();
        assertFalse(r.failed(), r.text());
        assertFalse(r.races().isEmpty(), r.text());
        assertTrue(r.races().get(0).description().contains("Holder.value"), r.text());
    }

    @Test
    void lockedVolatileAndAtomicAccessesAreNotRaces() {
        ExploreResult r = Explore.of(Holder::new)
                .thread(h -> { synchronized (h.lock) { h.plain++; } h.shared++; h.atomic.incrementAndGet(); })
                .thread(h -> { synchronized (h.lock) { h.plain++; } h.shared++; h.atomic.incrementAndGet(); })
                .explore();
        assertTrue(r.races().isEmpty(), r.text());
        assertTrue(r.text().contains("No data race"), r.text());
    }

    /** A value behind a read/write lock; {@code reads} is bumped under the shared read lock (a race). */
    static final class Shelf {
        final java.util.concurrent.locks.ReentrantReadWriteLock rw = new java.util.concurrent.locks.ReentrantReadWriteLock();
        int value;
        int reads;

        void write() {
            rw.writeLock().lock();
            try {
                value++;
            } finally {
                rw.writeLock().unlock();
            }
        }

        int read(boolean count) {
            rw.readLock().lock();
            try {
                if (count) reads++;
                return value;
            } finally {
                rw.readLock().unlock();
            }
        }
    }

    @Test
    void aReadWriteLockOrdersWritersWithReadersButNotReadersWithEachOther() {
        ExploreResult ordered = Explore.of(Shelf::new).thread(Shelf::write).thread(s -> s.read(false)).explore();
        assertTrue(ordered.races().isEmpty(), ordered.text());
        ExploreResult readers = Explore.of(Shelf::new).thread(s -> s.read(true)).thread(s -> s.read(true)).explore();
        assertFalse(readers.races().isEmpty(), readers.text());
        assertTrue(readers.races().get(0).description().contains("Shelf.reads"), readers.text());
    }

    @Test
    void startAndJoinOrderTheirThreads() {
        ExploreResult r = Explore.of(Holder::new).thread(h -> {
            h.plain = 1;
            Thread t = new Thread(() -> h.plain = 2);
            t.start();
            t.join();
            h.plain = 3;
        }).after(h -> h.plain).explore();
        assertTrue(r.races().isEmpty(), r.text());
        assertEquals(1, r.counts().size(), r.text());
    }
}
