package racecourse.race.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import racecourse.race.edges.Site;
import racecourse.race.edges.Sites;

/** The detector's happens-before check driven by a scheduler's steps, one session per schedule. */
class ScheduleCheckTests {
    private static final int WRITE = Sites.register(Site.FIELD, true, "demo.Box", "set", "Box.java", 7, "demo/Box",
            "value", 0, null, null, null);
    private static final int READ = Sites.register(Site.FIELD, false, "demo.Box", "get", "Box.java", 9, "demo/Box",
            "value", 0, null, null, null);

    private final ScheduleCheck check = new ScheduleCheck(site -> "Box.value");
    private final Object box = new Object();
    private final Object lock = new Object();

    @Test
    void unorderedAccessesOfTwoThreadsAreARaceInTheDetectorsWords() {
        check.fork(0, 1);
        check.access(0, box, 3, WRITE, true, false);
        check.access(1, box, 3, READ, false, false);
        assertEquals(1, check.races().size());
        assertEquals("Box.value", check.races().getFirst().variable());
        assertEquals("field", check.races().getFirst().kind());
    }

    @Test
    void aLockOrdersTheAccessesAndResetForgetsTheLastSchedule() {
        check.access(0, box, 3, WRITE, true, false);
        check.access(1, box, 3, READ, false, false);
        assertEquals(1, check.races().size());
        check.reset();
        assertTrue(check.races().isEmpty(), "a new schedule starts from nothing");
        check.access(0, box, 3, WRITE, true, false);
        check.synchronize(0, lock);
        check.synchronize(1, lock);
        check.access(1, box, 3, READ, false, false);
        assertTrue(check.races().isEmpty(), check.races().toString());
    }

    @Test
    void readersOfAReadWriteLockAreNotOrderedButAWriterIs() {
        Object rw = new Object();
        check.readWrite(0, rw, true);
        check.access(0, box, 1, WRITE, true, false);
        check.readWrite(0, rw, true);
        check.readWrite(1, rw, true);
        check.access(1, box, 1, WRITE, true, false);
        assertEquals(1, check.races().size(), "two readers race");
        check.reset();
        check.access(0, box, 1, WRITE, true, false);
        check.readWrite(0, rw, true);
        check.readWrite(1, rw, false);
        check.access(1, box, 1, WRITE, true, false);
        assertTrue(check.races().isEmpty(), "a writer comes after the reader's past");
    }

    @Test
    void orderedAccessesSynchronizeAndArrayElementsAreSeparateVariables() {
        int[] cells = new int[4];
        check.access(0, box, 2, WRITE, true, true);
        check.access(1, box, 2, READ, false, true);
        check.access(0, cells, 0, WRITE, true, false);
        check.access(1, cells, 1, WRITE, true, false);
        assertTrue(check.races().isEmpty(), check.races().toString());
        check.access(1, cells, 0, READ, false, false);
        assertEquals("int[] element 0", check.races().getFirst().variable());
    }
}
