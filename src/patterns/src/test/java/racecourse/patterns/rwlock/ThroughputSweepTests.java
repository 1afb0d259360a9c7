package racecourse.patterns.rwlock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import racecourse.measure.Better;
import racecourse.measure.MachineLoad;
import racecourse.measure.Measurement;
import racecourse.measure.Timing;
import racecourse.measure.Summary;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ThroughputSweepTests {
    /** The sweep as lesson 05 times it: every run a child JVM of its own. */
    private static Measurement timed(int[] threads, double[] shares, int runs) {
        return Timing.of("sweep", "operations per ms", Better.HIGHER)
                .child(ThroughputTiming.class, ThroughputTiming.args(8, threads, shares, Duration.ofMillis(20)))
                .jvmOptions("-XX:+UseSerialGC").runs(runs).run();
    }

    @Test
    void aTimedSweepGivesEachPointItsMedianAndRangeOverFiveChildJvms() {
        Table sweep = Throughput.medians(timed(new int[] {2}, new double[] {0.5}, 5), new int[] {2}, new double[] {0.5});
        assertEquals(PriceBoards.variants().size(), sweep.rowCount(), sweep.print());
        for (int r = 0; r < sweep.rowCount(); r++) {
            double median = sweep.doubleColumn("ops/ms").get(r);
            double low = sweep.doubleColumn("min ops/ms").get(r);
            double high = sweep.doubleColumn("max ops/ms").get(r);
            assertTrue(low > 0 && low <= median + 0.5 && median <= high + 0.5, sweep.print()); // the median is rounded
            assertEquals(0, sweep.intColumn("wrong totals").get(r), "every board here is thread-safe: " + sweep.print());
        }
        assertTrue(sweep.name().contains("median of 5 runs"), sweep.name());
    }

    @Test
    void onePointOfATimedSweepComparesTheBoardsThereWithEveryRun() {
        Measurement sweep = timed(new int[] {1, 2}, new double[] {0.5, 0.99}, 5);
        Measurement at = Throughput.at(sweep, 2, 0.99);
        assertEquals("Operations per ms, 2 threads, 99% readers", at.title());
        assertEquals(PriceBoards.variants().stream().map(PriceBoards.Variant::name).toList(),
                at.summaries().stream().map(Summary::variant).toList());
        for (Summary s : at.summaries()) {
            assertEquals(5, s.count(), s.variant());
            assertTrue(s.min() > 0, s.variant());
            assertEquals(s.median(), sweep.summary(Throughput.pointName(s.variant(), 2, 0.99)).median(), s.variant());
        }
        String sentence = at.verdict("StampedLock (optimistic)", "mutex").sentence();
        assertTrue(sentence.contains("StampedLock") && sentence.contains("mutex"), sentence);
        Table medians = Throughput.medians(sweep, new int[] {1, 2}, new double[] {0.5, 0.99});
        assertEquals(2 * 2 * PriceBoards.variants().size(), medians.rowCount(), medians.print());
    }

    @Test
    void aPointTheSweepDidNotMeasureIsRefusedByName() {
        Measurement one = new Measurement("sweep", "operations per ms", Better.HIGHER,
                List.of(new Summary(Throughput.pointName("mutex", 2, 0.5), new double[] {1, 2, 3, 4, 5})), MachineLoad.UNKNOWN);
        var e = assertThrows(IllegalArgumentException.class, () -> Throughput.at(one, 4, 0.5));
        assertTrue(e.getMessage().contains("mutex, 4 threads, 50% readers"), e.getMessage());
    }
}
