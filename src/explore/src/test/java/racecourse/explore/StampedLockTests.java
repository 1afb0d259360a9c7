package racecourse.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.locks.StampedLock;
import org.junit.jupiter.api.Test;
import racecourse.explore.report.ExploreResult;

/** StampedLock's write and read locks are modelled; optimistic reads are steps. */
class StampedLockTests {
    static final class Point {
        final StampedLock lock = new StampedLock();
        int x;
        int y;

        void move() {
            long s = lock.writeLock();
            try {
                x++;
                y++;
            } finally {
                lock.unlockWrite(s);
            }
        }

        int diffOptimistic() {
            long s = lock.tryOptimisticRead();
            int a = x;
            int b = y;
            if (!lock.validate(s)) {
                s = lock.readLock();
                try {
                    a = x;
                    b = y;
                } finally {
                    lock.unlockRead(s);
                }
            }
            return a - b;
        }

        int diffUnvalidated() {
            lock.tryOptimisticRead();
            return x - y;
        }
    }

    @Test
    void writersNeverLoseAMoveAndValidatedReadsAreConsistent() {
        ExploreResult r = Explore.of(Point::new)
                .thread(Point::move)
                .thread(Point::move)
                .thread(p -> { if (p.diffOptimistic() != 0) throw new AssertionError("torn read"); })
                .after(p -> p.x + "," + p.y)
                .explore();
        assertFalse(r.failed(), r.text());
        assertEquals(1, r.counts().size(), r.text());
        assertTrue(r.counts().containsKey("result 2,2"), r.text());
        assertTrue(r.schedules() > 1, r.text());
    }

    @Test
    void anUnvalidatedOptimisticReadCanBeTorn() {
        ExploreResult r = Explore.of(Point::new)
                .thread(Point::move)
                .thread(p -> { if (p.diffUnvalidated() != 0) throw new AssertionError("torn read"); })
                .explore();
        assertTrue(r.failed(), r.text());
        assertTrue(r.witness().label().startsWith("AssertionError: torn read"), r.text());
    }
}
