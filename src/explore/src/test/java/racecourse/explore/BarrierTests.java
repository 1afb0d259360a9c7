package racecourse.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import racecourse.explore.report.ExploreResult;

/** CyclicBarrier: every party waits for the last, which runs the action first. */
class BarrierTests {
    static final class Phases {
        int before;
        int actions;
        int seenAfter = -1;
        final CyclicBarrier barrier = new CyclicBarrier(2, () -> actions++);
    }

    @Test
    void nobodyPassesTheBarrierBeforeEveryoneArrives() {
        Explore.Action<Phases> party = p -> {
            synchronized (p) { p.before++; }
            p.barrier.await();
            synchronized (p) { if (p.before != 2 || p.actions != 1) throw new AssertionError("passed too early"); }
        };
        ExploreResult r = Explore.of(Phases::new).thread(party).thread(party).after(p -> p.actions).explore();
        assertFalse(r.failed(), r.text());
        assertEquals(1, r.counts().size(), r.text());
        assertTrue(r.counts().containsKey("result 1"), r.text());
        assertTrue(r.races().isEmpty(), r.text()); // the barrier orders the action before the parties go on
    }

    @Test
    void aMissingPartyIsADeadlock() {
        ExploreResult r = Explore.of(Phases::new).thread(p -> p.barrier.await()).explore();
        assertTrue(r.failed(), r.text());
        assertTrue(r.witness().detail().contains("waiting for the other parties at CyclicBarrier"), r.text());
    }
}
