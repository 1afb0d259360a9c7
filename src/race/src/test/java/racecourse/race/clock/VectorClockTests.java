package racecourse.race.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Vector clocks against a plain map model, under random sets, joins and copies (fixed seed). */
class VectorClockTests {
    @Test
    void behavesLikeAMapOfMaxima() {
        checkAgainstMaps(300, 200_000);
    }

    @Test
    void behavesLikeAMapOfMaximaWithManyThreads() {
        // ids past the size a clock copies on write: changes to a shared base go to the list of differences
        checkAgainstMaps(3_000, 20_000);
    }

    private static void checkAgainstMaps(int maxTid, int steps) {
        Random r = new Random(42);
        List<VectorClock> clocks = new ArrayList<>();
        List<Map<Integer, Integer>> models = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            clocks.add(new VectorClock());
            models.add(new HashMap<>());
        }
        for (int step = 0; step < steps; step++) {
            int a = r.nextInt(clocks.size());
            int op = r.nextInt(10);
            if (op < 5) {
                int tid = r.nextInt(r.nextBoolean() ? 8 : maxTid);
                int t = models.get(a).getOrDefault(tid, 0) + 1 + r.nextInt(3);
                clocks.get(a).set(tid, t);
                models.get(a).put(tid, t);
            } else if (op < 8) {
                int b = r.nextInt(clocks.size());
                clocks.get(a).join(clocks.get(b));
                Map<Integer, Integer> ma = models.get(a);
                models.get(b).forEach((k, v) -> ma.merge(k, v, Math::max));
            } else {
                int b = r.nextInt(clocks.size());
                clocks.set(b, clocks.get(a).copy());
                models.set(b, new HashMap<>(models.get(a)));
            }
            if (step % 97 == 0) {
                for (int c = 0; c < clocks.size(); c++) {
                    for (int tid = 0; tid < maxTid; tid++) {
                        assertEquals(models.get(c).getOrDefault(tid, 0), clocks.get(c).get(tid),
                                "clock " + c + " thread " + tid + " at step " + step);
                    }
                }
            }
        }
    }

    @Test
    void anEpochIsCoveredWhenItsTimeIsReached() {
        VectorClock c = new VectorClock();
        c.set(3, 5);
        assertTrue(c.covers(Epochs.of(3, 5)));
        assertFalse(c.covers(Epochs.of(3, 6)));
        assertFalse(c.covers(Epochs.of(4, 1)));
    }

    @Test
    void theVersionMovesWithEveryChange() {
        VectorClock c = new VectorClock();
        VectorClock other = new VectorClock();
        other.set(1, 4);
        c.set(0, 7);
        long v = c.version();
        assertEquals(v, c.version(), "reading changes nothing");
        c.copy();
        assertEquals(v, c.version(), "a copy leaves the original as it was");
        c.set(0, 8);
        assertTrue(c.version() != v, "a set changes the version");
        long w = c.version();
        c.join(other);
        assertTrue(c.version() != w, "a join changes the version");
        assertEquals(4, c.get(1));
    }
}
