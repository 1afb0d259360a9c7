package racecourse.race.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The bench judges a ratio over the whole spread of its runs, and says "inconclusive" when that straddles the goal. */
class RaceBenchTests {
    @Test
    void aVerdictHoldsOnlyOverTheWholeRange() {
        assertEquals("within 10×, goal met", RaceBench.verdict(4, 9.5, 10));
        assertEquals("above 10×, goal not met", RaceBench.verdict(12, 40, 10));
        assertTrue(RaceBench.verdict(5, 69, 10).startsWith("inconclusive"));
    }

    @Test
    void theSpreadLinePairsTheSlowestPlainRunWithTheFastestTrackedOne() {
        // plain runs 10 and 145 ms, tracked runs 688 and 842 ms: 4.7× to 84.2×
        List<RaceBench.Sample> base = List.of(new RaceBench.Sample(10_000_000, 100, 1),
                new RaceBench.Sample(145_000_000, 100, 1));
        List<RaceBench.Sample> race = List.of(new RaceBench.Sample(688_000_000, 120, 1),
                new RaceBench.Sample(842_000_000, 130, 1));
        String line = RaceBench.spread("monitors", base, race);
        assertTrue(line.contains("time 4.7-84.2× (inconclusive"), line);
        assertTrue(line.contains("peak heap 1.2-1.3× (within 5×, goal met)"), line);
    }
}
