package racecourse.race.shadow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import racecourse.race.clock.VectorClock;

/**
 * The FastTrack checks on hand-made clocks: two threads 0 and 1, one variable (field id 5), sites 10-13.
 * A release/acquire is simulated by joining one thread's clock into the other's.
 */
class FastTrackTests {
    private static VectorClock clock(int tid) {
        VectorClock c = new VectorClock();
        c.set(tid, 1);
        return c;
    }

    @Test
    void unorderedWritesRace() {
        Shadow sh = Shadow.forFields(this);
        VectorClock t0 = clock(0);
        VectorClock t1 = clock(1);
        assertNull(FastTrack.access(sh, 5, true, 0, t0, 10));
        Conflict c = FastTrack.access(sh, 5, true, 1, t1, 11);
        assertNotNull(c);
        assertTrue(c.previousWrite());
        assertEquals(0, c.previousTid());
        assertEquals(10, c.previousSite());
    }

    @Test
    void aJoinOrdersTheWrites() {
        Shadow sh = Shadow.forFields(this);
        VectorClock t0 = clock(0);
        VectorClock t1 = clock(1);
        assertNull(FastTrack.access(sh, 5, true, 0, t0, 10));
        t1.join(t0);
        assertNull(FastTrack.access(sh, 5, true, 1, t1, 11));
    }

    @Test
    void concurrentReadsAreFineButAWriteAfterThemRacesWithTheUnorderedOne() {
        Shadow sh = Shadow.forFields(this);
        VectorClock t0 = clock(0);
        VectorClock t1 = clock(1);
        VectorClock t2 = clock(2);
        assertNull(FastTrack.access(sh, 5, false, 0, t0, 10));
        assertNull(FastTrack.access(sh, 5, false, 1, t1, 11));
        t2.join(t0);
        Conflict c = FastTrack.access(sh, 5, true, 2, t2, 12);
        assertNotNull(c, "the read by thread 1 is not ordered before the write");
        assertEquals(1, c.previousTid());
        assertEquals(11, c.previousSite());
    }

    @Test
    void aReadRacesWithAnUnorderedWriteAndTheSameEpochIsFree() {
        Shadow sh = Shadow.forFields(this);
        VectorClock t0 = clock(0);
        VectorClock t1 = clock(1);
        assertNull(FastTrack.access(sh, 5, true, 0, t0, 10));
        assertTrue(FastTrack.sameEpoch(sh, 5, false, racecourse.race.clock.Epochs.of(0, 1)));
        Conflict c = FastTrack.access(sh, 5, false, 1, t1, 13);
        assertNotNull(c);
        assertTrue(c.previousWrite());
    }

    @Test
    void arrayElementsAreSeparateVariables() {
        Shadow sh = Shadow.forArray(this, 4);
        VectorClock t0 = clock(0);
        VectorClock t1 = clock(1);
        assertNull(FastTrack.access(sh, -1, true, 0, t0, 10));
        assertNull(FastTrack.access(sh, -2, true, 1, t1, 11));
        assertNotNull(FastTrack.access(sh, -1, true, 1, t1, 11));
    }
}
