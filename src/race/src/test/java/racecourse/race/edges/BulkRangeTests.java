package racecourse.race.edges;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import racecourse.race.report.RaceLog;
import racecourse.race.shadow.Shadow;

/**
 * A bulk operation's range of elements ({@code Hooks.arrayRange}, as for {@code Arrays.fill}) is recorded a chunk
 * at a time on the short path: every element of the range and none outside it gets this thread's history, so each
 * races with an unordered access of another thread, whichever chunk it falls in.
 */
class BulkRangeTests {
    private static int site(boolean write, int line) {
        return Sites.register(Site.ARRAY, write, "BulkRangeTests", "test", "BulkRangeTests.java", line, null, null, 0,
                null, null, null);
    }

    @AfterEach
    void noSessionLeft() {
        Tracker.end();
    }

    /** Writes {@code elements} of {@code a}, one site each, from a thread that inherits no clock; returns the races. */
    private static Set<String> otherThreadWrites(Session s, int[] a, int... elements) throws InterruptedException {
        Object[] arrays = new Object[elements.length];
        java.util.Arrays.fill(arrays, a);
        return UnorderedWrites.write(s, arrays, elements);
    }

    @Test
    void aWholeArrayWrittenInBulkRacesOnEveryChunkAndOnlyThere() throws InterruptedException {
        Session s = new Session(new RaceLog(50, null, null, null));
        int[] a = new int[3000]; // two full chunks and a part of a third
        Tracker.begin(s);
        int fill = site(true, 1);
        Hooks.arrayRange(a, 0, a.length, true, fill);
        Hooks.arrayRange(a, 0, a.length, true, fill); // the same epoch again: nothing new
        Shadow sh = s.shadows.find(a).value();
        assertEquals(List.of(1024, 1024, 3000 - 2048), List.of(sh.chunks[0].prefix, sh.chunks[1].prefix,
                sh.chunks[2].prefix), "each chunk holds the whole range with one history");
        Set<String> raced = otherThreadWrites(s, a, 0, 1023, 1024, 2047, 2048, 2999);
        assertEquals(Set.of("int[] element 0", "int[] element 1023", "int[] element 1024", "int[] element 2047",
                "int[] element 2048", "int[] element 2999"), raced);
    }

    @Test
    void aPartOfAnArrayReadInBulkRacesWithWritesInsideThePartOnly() throws InterruptedException {
        Session s = new Session(new RaceLog(50, null, null, null));
        int[] a = new int[4096];
        Tracker.begin(s);
        Hooks.arrayRange(a, 1024, 2500, false, site(false, 2));
        Set<String> raced = otherThreadWrites(s, a, 1023, 1024, 2047, 2048, 2499, 2500);
        assertEquals(Set.of("int[] element 1024", "int[] element 2047", "int[] element 2048", "int[] element 2499"),
                raced);
    }
}
