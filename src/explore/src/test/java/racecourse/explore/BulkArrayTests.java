package racecourse.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;
import racecourse.explore.report.ExploreResult;

/**
 * The JDK's bulk array operations ({@code Arrays.fill}, {@code System.arraycopy}, {@code Arrays.sort}) are steps of
 * their own on the array, dependent with every access to its elements, and the race check sees each element they
 * touch, as the race detector does.
 */
class BulkArrayTests {
    static final class Cells {
        final int[] a = new int[4];
        final int[] b = new int[4];
    }

    @Test
    void aFillBesideAnElementWriteIsOrderedBothWaysAndIsARace() {
        ExploreResult r = Explore.of(Cells::new)
                .thread(c -> Arrays.fill(c.a, 1))
                .thread(c -> c.a[2] = 2).after(c -> c.a[2]).explore();
        assertEquals(Set.of("result 1", "result 2"), r.counts().keySet(), r.text());
        assertEquals(2, r.schedules(), r.text());
        assertFalse(r.races().isEmpty(), r.text());
        assertTrue(r.races().get(0).description().contains("int[] element 2"), r.text());
    }

    @Test
    void anArraycopyReadingWhatAnotherThreadWritesIsARace() {
        ExploreResult r = Explore.of(Cells::new)
                .thread(c -> System.arraycopy(c.a, 0, c.b, 0, 4))
                .thread(c -> c.a[3] = 7).after(c -> c.b[3]).explore();
        assertEquals(Set.of("result 0", "result 7"), r.counts().keySet(), r.text());
        assertFalse(r.races().isEmpty(), r.text());
    }

    @Test
    void bulkOperationsUnderOneLockAreNotRaces() {
        ExploreResult r = Explore.of(Cells::new)
                .thread(c -> { synchronized (c) { Arrays.fill(c.a, 3); } })
                .thread(c -> { synchronized (c) { c.a[0] = 5; Arrays.sort(c.a); } })
                .after(c -> Arrays.toString(c.a)).explore();
        assertEquals(Set.of("result [3, 3, 3, 3]", "result [3, 3, 3, 5]"), r.counts().keySet(), r.text());
        assertTrue(r.races().isEmpty(), r.text());
    }

    @Test
    void bulkOperationsOnDisjointArraysCommute() {
        ExploreResult r = Explore.of(Cells::new)
                .thread(c -> Arrays.fill(c.a, 1))
                .thread(c -> Arrays.fill(c.b, 2)).after(c -> c.a[0] + c.b[0]).explore();
        assertEquals(1, r.schedules(), r.text());
        assertTrue(r.races().isEmpty(), r.text());
    }
}
