package racecourse.race.edges;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import racecourse.race.clock.VectorClock;

/** A lock's clock hands each acquirer what earlier releases put in, also when the acquire skips its join. */
class SyncVarTests {
    @Test
    void theThreadThatReleasedLastReacquiresWithoutLosingAnything() {
        SyncVar lock = new SyncVar();
        VectorClock a = new VectorClock();
        VectorClock b = new VectorClock();
        a.set(0, 5);
        lock.acquire(a);
        lock.release(a);
        a.set(0, 6);
        lock.acquire(a); // a already covers the lock: nothing to learn
        assertEquals(6, a.get(0));
        assertEquals(0, a.get(1));

        b.set(1, 3);
        lock.acquire(b);
        assertEquals(5, b.get(0), "b sees a's release");
        b.set(1, 4);
        lock.release(b);
        lock.acquire(a);
        assertEquals(4, a.get(1), "a sees b's release after b held the lock");
    }

    @Test
    void aReleaseByAThreadThatDidNotAcquireIsStillSeen() {
        SyncVar v = new SyncVar();
        VectorClock a = new VectorClock();
        VectorClock b = new VectorClock();
        a.set(0, 2);
        v.acquire(a);
        b.set(1, 7);
        v.release(b); // a volatile write or countDown: a release without an acquire first
        v.acquire(a);
        assertEquals(7, a.get(1));
        v.releaseRead(b);
        b.set(1, 9);
        v.releaseRead(b);
        v.acquire(a);
        assertEquals(9, a.get(1), "a writer acquire sees readers' releases");
    }
}
