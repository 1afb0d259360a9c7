package racecourse.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Set;
import org.junit.jupiter.api.Test;
import racecourse.explore.report.ExploreResult;

/**
 * A plain {@code VarHandle.get}/{@code set} on an array element is a data access of that element, as for the race
 * detector: dependent only with accesses to the same element, and checked for races; volatile modes synchronize.
 */
class VarHandleArrayTests {
    private static final VarHandle ELEMENT = MethodHandles.arrayElementVarHandle(int[].class);

    static final class Cells {
        final int[] a = new int[2];
    }

    @Test
    void plainSetsOfOneElementRaceAndAreOrderedBothWays() {
        ExploreResult r = Explore.of(Cells::new)
                .thread(c -> ELEMENT.set(c.a, 0, 1))
                .thread(c -> ELEMENT.set(c.a, 0, 2)).after(c -> (int) ELEMENT.get(c.a, 0)).explore();
        assertEquals(Set.of("result 1", "result 2"), r.counts().keySet(), r.text());
        assertFalse(r.races().isEmpty(), r.text());
        assertTrue(r.races().get(0).description().contains("int[] element 0"), r.text());
    }

    @Test
    void plainSetsOfTwoElementsCommute() {
        ExploreResult r = Explore.of(Cells::new)
                .thread(c -> ELEMENT.set(c.a, 0, 1))
                .thread(c -> ELEMENT.set(c.a, 1, 2)).after(c -> c.a[0] + c.a[1]).explore();
        assertEquals(1, r.schedules(), r.text());
        assertTrue(r.races().isEmpty(), r.text());
    }

    @Test
    void volatileModesAreNotRaces() {
        ExploreResult r = Explore.of(Cells::new)
                .thread(c -> ELEMENT.setVolatile(c.a, 0, 1))
                .thread(c -> ELEMENT.setVolatile(c.a, 0, 2)).after(c -> (int) ELEMENT.getVolatile(c.a, 0)).explore();
        assertEquals(Set.of("result 1", "result 2"), r.counts().keySet(), r.text());
        assertTrue(r.races().isEmpty(), r.text());
    }
}
