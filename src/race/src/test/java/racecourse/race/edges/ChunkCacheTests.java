package racecourse.race.edges;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import racecourse.race.report.RaceLog;
import racecourse.race.shadow.Shadow;

/**
 * The chunk a thread keeps from its last element access ({@link ThreadState#chunk}) answers only for the elements
 * of that chunk of that array: an element of another chunk, of another array, or past the array's end is looked
 * up again, so it is recorded and races with another thread's unordered write.
 */
class ChunkCacheTests {
    private static int nextLine = 1;

    private static int site(boolean write) {
        return Sites.register(Site.ARRAY, write, "ChunkCacheTests", "test", "ChunkCacheTests.java", nextLine++, null,
                null, 0, null, null, null);
    }

    @AfterEach
    void noSessionLeft() {
        Tracker.end();
    }

    private static Set<String> otherThreadWrites(Session s, Object[] arrays, int[] elements)
            throws InterruptedException {
        return UnorderedWrites.write(s, arrays, elements);
    }

    private static void writeAll(Object array, int from, int to, int site) {
        for (int i = from; i < to; i++) {
            Hooks.arrayStore(array, i, site);
        }
    }

    @Test
    void anotherArrayIsNotAnsweredByTheChunkOfTheLastOne() throws InterruptedException {
        Session s = new Session(new RaceLog(50, null, null, null));
        int[] a = new int[64];
        long[] b = new long[64];
        Tracker.begin(s);
        int w = site(true);
        writeAll(a, 0, 10, w); // the thread keeps a's first chunk, prefix 10, this epoch
        int wb = site(true);
        Hooks.arrayStore(b, 3, wb); // b becomes the last array
        Hooks.arrayStore(b, 4, wb); // element 4 of a's chunk would say "done"
        Hooks.arrayStore(a, 5, w);
        assertEquals(Set.of("long[] element 3", "long[] element 4", "int[] element 5"),
                otherThreadWrites(s, new Object[] {b, b, a, b}, new int[] {3, 4, 5, 6}));
    }

    @Test
    void anotherChunkOfTheSameArrayIsLookedUp() throws InterruptedException {
        Session s = new Session(new RaceLog(50, null, null, null));
        int[] a = new int[3000];
        Tracker.begin(s);
        int w = site(true);
        writeAll(a, 0, 1024, w);
        Hooks.arrayStore(a, 1024 + 7, w); // the second chunk: not covered by the first one's history
        writeAll(a, 2048, 3000, w);
        Shadow sh = s.shadows.find(a).value();
        assertEquals(List.of(1024, 3000 - 2048), List.of(sh.chunks[0].prefix, sh.chunks[2].prefix),
                "the first chunk is whole; the third ends with the array");
        assertEquals(Set.of("int[] element 1031", "int[] element 1023", "int[] element 2999"),
                otherThreadWrites(s, new Object[] {a, a, a, a}, new int[] {1031, 1030, 1023, 2999}));
    }

    @Test
    void anIndexPastTheEndOfAPartialLastChunkIsNotRecorded() throws InterruptedException {
        Session s = new Session(new RaceLog(50, null, null, null));
        int[] a = new int[1030];
        Tracker.begin(s);
        int w = site(true);
        writeAll(a, 1024, 1030, w);
        Hooks.arrayStore(a, 1030, w); // the access itself would throw: its hook records nothing
        Hooks.arrayStore(a, -1, w);
        Shadow sh = s.shadows.find(a).value();
        assertEquals(6, sh.chunks[1].prefix);
        assertEquals(Set.of("int[] element 1029"), otherThreadWrites(s, new Object[] {a, a}, new int[] {1029, 1023}));
    }
}
