package racecourse.race.shadow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Test
    void aSweepInOneEpochKeepsOneHistoryPerChunk() {
        int n = 3 * Shadow.CHUNK + 5;
        Shadow sh = Shadow.forArray(this, n);
        VectorClock t0 = clock(0);
        for (int i = 0; i < n; i++) {
            assertNull(FastTrack.access(sh, -i - 1, true, 0, t0, 10));
        }
        for (int i = 0; i < n; i++) {
            assertNull(FastTrack.access(sh, -i - 1, false, 0, t0, 11));
        }
        for (Shadow.Chunk ch : sh.chunks) {
            assertNull(ch.expanded, "a chunk filled in order in one epoch stays uniform");
        }
        assertEquals(Shadow.CHUNK, sh.chunks[0].prefix);
        assertEquals(5, sh.chunks[3].prefix);
    }

    @Test
    void aUniformChunkStillReportsAnUnorderedAccessToAnyElement() {
        int n = 2 * Shadow.CHUNK;
        Shadow sh = Shadow.forArray(this, n);
        VectorClock t0 = clock(0);
        VectorClock t1 = clock(1);
        for (int i = 0; i < n; i++) {
            assertNull(FastTrack.access(sh, -i - 1, true, 0, t0, 10));
        }
        Conflict c = FastTrack.access(sh, -(Shadow.CHUNK + 7) - 1, false, 1, t1, 12);
        assertNotNull(c, "a read of an element thread 0 wrote, unordered");
        assertTrue(c.previousWrite());
        assertEquals(10, c.previousSite());
        assertNotNull(sh.chunks[1].expanded, "the element's history now differs from its chunk's");
        assertNull(sh.chunks[0].expanded);
        t1.join(t0);
        assertNull(FastTrack.access(sh, -3, true, 1, t1, 13), "ordered after the join");
        assertNotNull(FastTrack.access(sh, -3, false, 0, t0, 14), "thread 0 did not see thread 1's write");
    }

    @Test
    void elementsTouchedOutOfOrderOrNeverKeepTheirOwnHistories() {
        Shadow sh = Shadow.forArray(this, 3 * Shadow.CHUNK);
        VectorClock t0 = clock(0);
        VectorClock t1 = clock(1);
        VectorClock t2 = clock(2);
        assertNull(FastTrack.access(sh, -(5) - 1, true, 0, t0, 10));
        assertNotNull(sh.chunks[0].expanded, "element 5 first: not a prefix");
        assertNull(sh.chunks[1], "a chunk nobody touched has no history");
        assertNull(FastTrack.access(sh, -4 - 1, true, 1, t1, 11), "element 4 was never written");
        assertNotNull(FastTrack.access(sh, -5 - 1, true, 1, t1, 11));
        t2.join(t0);
        assertNull(FastTrack.access(sh, -Shadow.CHUNK * 2 - 1, false, 0, t0, 12));
        assertNull(FastTrack.access(sh, -Shadow.CHUNK * 2 - 1, false, 1, t1, 12), "two reads may be unordered");
        Conflict c = FastTrack.access(sh, -Shadow.CHUNK * 2 - 1, true, 2, t2, 13);
        assertNotNull(c, "thread 1's read is not ordered before thread 2's write");
        assertEquals(1, c.previousTid());
    }

    @Test
    void anElementAddedWithoutTheLockKeepsItsHistoryWhenTheChunkExpands() {
        Shadow sh = Shadow.forArray(this, Shadow.CHUNK);
        VectorClock t0 = clock(0);
        VectorClock t1 = clock(1);
        for (int i = 0; i < 3; i++) {
            assertNull(FastTrack.access(sh, -i - 1, true, 0, t0, 10));
        }
        Shadow.Chunk ch = sh.chunks[0];
        assertTrue(ch.extend(3), "the owner of the chunk's epoch adds element 3");
        assertNull(FastTrack.access(sh, -10 - 1, true, 0, t0, 10), "out of order: the chunk expands");
        assertEquals(Shadow.Chunk.FROZEN, ch.prefix);
        assertFalse(ch.extend(4), "no element is added to an expanded chunk without the lock");
        Conflict c = FastTrack.access(sh, -3 - 1, true, 1, t1, 11);
        assertNotNull(c, "element 3's write by thread 0 survived the expansion");
        assertEquals(10, c.previousSite());
    }

    @Test
    void roomMadeInAdvanceIsFilledInPlaceAndThenGrows() {
        Shadow sh = Shadow.forFields(this, 2);
        int[] ids = sh.ids;
        long[] state = sh.state;
        VectorClock t0 = clock(0);
        VectorClock t1 = clock(1);
        assertNull(FastTrack.access(sh, 7, true, 0, t0, 10));
        assertNull(FastTrack.access(sh, 9, true, 1, t1, 11), "another field: no race");
        assertTrue(ids == sh.ids && state == sh.state, "two fields fit in the room made in advance");
        assertNotNull(FastTrack.access(sh, 7, false, 1, t1, 12), "field 7 was written by thread 0, unordered");
        assertNull(FastTrack.access(sh, 11, true, 0, t0, 13), "a third field grows the history");
        assertEquals(3, sh.ids.length);
        assertNotNull(FastTrack.access(sh, 9, true, 0, t0, 14), "field 9's history survived the growth");
    }

    @Test
    void theLockFreeElementCheckPassesOnlyAnAccessAlreadyMadeInThisEpoch() {
        Shadow sh = Shadow.forArray(this, 3000);
        VectorClock t0 = clock(0);
        VectorClock t1 = clock(1);
        long e0 = racecourse.race.clock.Epochs.of(0, 1);
        long e1 = racecourse.race.clock.Epochs.of(1, 1);
        assertFalse(FastTrack.sameEpochElement(sh, 0, false, e0), "no chunk yet");
        for (int i = 0; i < 3; i++) {
            assertNull(FastTrack.access(sh, -i - 1, true, 0, t0, 10));
        }
        assertTrue(FastTrack.sameEpochElement(sh, 2, true, e0), "a uniform chunk: element 2 written in e0");
        assertTrue(FastTrack.sameEpochElement(sh, 1, false, e0), "a read after a write in the same epoch");
        assertFalse(FastTrack.sameEpochElement(sh, 3, true, e0), "element 3 has no history yet");
        assertFalse(FastTrack.sameEpochElement(sh, 2, true, e1), "another thread's epoch");
        assertFalse(FastTrack.sameEpochElement(sh, 2000, true, e0), "another chunk");
        assertFalse(FastTrack.sameEpochElement(sh, -1, true, e0), "a bad index is left to the slow path");
        assertFalse(FastTrack.sameEpochElement(sh, 3000, true, e0), "a bad index is left to the slow path");
        assertNotNull(FastTrack.access(sh, -1 - 1, true, 1, t1, 11), "thread 1 races on element 1");
        assertFalse(FastTrack.sameEpochElement(sh, 1, true, e0), "after the expansion element 1 is thread 1's");
        assertTrue(FastTrack.sameEpochElement(sh, 1, true, e1));
        assertTrue(FastTrack.sameEpochElement(sh, 0, true, e0), "the other elements kept thread 0's history");
    }
}
