import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.api.Points;
import racecourse.grader.api.Subject;

/** Hidden checks of the ring exercise: big rings of both kinds. */
class RingStressTests {
    private final Subject<RingContract> ring = Subject.of(RingContract.class);

    // Budget: 10 000 virtual threads x 3 laps (30 000 hand-offs).
    @Test
    @Points(3)
    @DisplayName("ten thousand virtual threads, three laps")
    void bigVirtualRing() throws InterruptedException {
        assertEquals(30_000, ring.create(10_000, Thread.ofVirtual()).pass(3));
    }

    // Budget: 100 platform threads (under the 200-thread limit) x 20 laps.
    @Test
    @Points(2)
    @DisplayName("a hundred platform threads, twenty laps")
    void platformRing() throws InterruptedException {
        assertEquals(2_000, ring.create(100, Thread.ofPlatform()).pass(20));
    }

    @Test
    @Points(1)
    @DisplayName("zero laps makes no hops, and a ring of one passes to itself")
    void edges() throws InterruptedException {
        assertEquals(0, ring.create(5, Thread.ofVirtual()).pass(0));
        assertEquals(7, ring.create(1, Thread.ofVirtual()).pass(7));
    }
}
