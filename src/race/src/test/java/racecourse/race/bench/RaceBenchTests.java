package racecourse.race.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import racecourse.measure.RatioInterval;

/** The bench judges a ratio on its 95% interval, and says "inconclusive" when that straddles the goal. */
class RaceBenchTests {
    @Test
    void aVerdictHoldsOnlyOverTheWholeInterval() {
        assertEquals("within 10×, goal met", RaceBench.verdict(new RatioInterval(8, 4, 9.5, 0.95, 7, 7), 10));
        assertEquals("above 10×, goal not met", RaceBench.verdict(new RatioInterval(20, 12, 40, 0.95, 7, 7), 10));
        assertTrue(RaceBench.verdict(new RatioInterval(9, 5, 69, 0.95, 7, 7), 10).startsWith("inconclusive: the interval"));
        assertTrue(RaceBench.verdict(new RatioInterval(9, 0, Double.POSITIVE_INFINITY, 1, 3, 3), 10)
                .contains("too few runs"));
    }

    private static List<RaceBench.Sample> samples(long... millis) {
        List<RaceBench.Sample> s = new ArrayList<>();
        for (long m : millis) s.add(new RaceBench.Sample(m * 1_000_000, 100 + m % 7, 1));
        return s;
    }

    @Test
    void oneOutlyingPlainRunNoLongerDecidesTheVerdict() {
        // six plain runs near 20 ms and one at 145 ms; tracked runs near 150 ms. The old rule (slowest plain run
        // against the fastest tracked one, and the other way round) gave 1.0-8.0×: inconclusive.
        List<RaceBench.Sample> base = samples(19, 20, 21, 22, 20, 21, 145);
        List<RaceBench.Sample> race = samples(148, 150, 152, 155, 149, 151, 160);
        String line = RaceBench.spread("sweep", base, race);
        assertTrue(line.contains("plain 19.0-145.0 ms, tracked 148.0-160.0 ms"), line);
        assertTrue(line.contains("7 and 7 runs): within 10×, goal met"), line);
    }

    @Test
    void runsThatReallyStraddleTheGoalStayInconclusive() {
        // plain runs split between 10 ms and 140 ms (a lock loop's two behaviours): the data do not decide
        List<RaceBench.Sample> base = samples(10, 12, 140, 11, 135, 13, 150);
        List<RaceBench.Sample> race = samples(300, 320, 310, 305, 330, 315, 298);
        String line = RaceBench.spread("monitors", base, race);
        assertTrue(line.contains("inconclusive: the interval straddles 10×"), line);
        assertTrue(line.contains("peak heap"), line);
    }
}
