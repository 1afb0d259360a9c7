package racecourse.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import racecourse.explore.report.ExploreResult;

/**
 * State that belongs to a thread or a class rather than to a schedule's shared objects: thread-local values stay
 * per controlled thread (whatever carries it), and a static initialiser that first runs inside a controlled
 * thread runs whole, as part of the step that first uses its class, so every schedule sees the same steps.
 */
class ThreadStateTests {
    /** A table built by its class's static initialiser, through instrumented code with steps of its own. */
    static final class Table {
        static final Table SHARED = new Table();
        final int[] slots = new int[4];
        int built;

        Table() {
            for (int i = 0; i < slots.length; i++) {
                slots[i] = i;
                built++;
            }
        }
    }

    /** The shared state of the thread-local test. */
    static final class Seen {
        static final ThreadLocal<int[]> MINE = ThreadLocal.withInitial(() -> new int[1]);
        int a;
        int b;
    }

    static final class Cell {
        int v;
    }

    @Test
    void aStaticInitialiserInAControlledThreadRunsAsPartOfOneStep() {
        ExploreResult r = Explore.of(Cell::new)
                .thread(c -> c.v += Table.SHARED.slots[1])
                .thread(c -> c.v += Table.SHARED.slots[2])
                .after(c -> c.v).explore(ExploreOptions.defaults().withStrategy("exhaustive"));
        assertTrue(r.complete(), r.text());
        assertFalse(r.failed(), r.text());
        // each thread: read v, read slots[k], write v (the initialiser adds no steps): C(6,3) = 20 schedules
        assertEquals(20, r.schedules(), r.text());
        assertEquals(Map.of("result 3", 2L, "result 1", 9L, "result 2", 9L), r.counts(), r.text());
    }

    @Test
    void threadLocalValuesBelongToEachControlledThread() {
        Explore.Action<Seen> bump = s -> {
            int[] mine = Seen.MINE.get();
            mine[0]++;
            mine[0]++;
            Seen.MINE.set(new int[] {mine[0] + 10});
            int got = Seen.MINE.get()[0];
            if (got != 12) throw new AssertionError("this thread's value was " + got);
        };
        ExploreResult r = Explore.of(Seen::new).thread(bump).thread(bump).explore();
        assertTrue(r.complete(), r.text());
        assertFalse(r.failed(), r.text());
    }
}
