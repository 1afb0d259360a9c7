package racecourse.patterns.rwlock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ThroughputSweepTests {
    @Test
    void aRepeatedSweepGivesEachPointItsMedianAndRangeOverFiveChildJvms() {
        Table sweep = Throughput.sweepRepeated(8, new int[] {2}, new double[] {0.5}, Duration.ofMillis(20), 5);
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
    void fewerThanFiveRunsAreRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Throughput.sweepRepeated(8, new int[] {1}, new double[] {0.5}, Duration.ofMillis(10), 3));
        assertTrue(e.getMessage().contains("at least 5 runs"), e.getMessage());
    }
}
