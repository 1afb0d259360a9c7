package racecourse.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openjdk.jcstress.annotations.Expect;

class OverlapSentenceTests {
    private static StressResult sb(long bothZero, double overlap, int cpus) {
        return new StressResult("SB", "embedded", "", List.of(
                new OutcomeCount("0, 0", bothZero, Expect.ACCEPTABLE_INTERESTING, ""),
                new OutcomeCount("1, 1", 2_000_000 - bothZero, Expect.ACCEPTABLE, "")),
                2_000_000, Duration.ofMillis(500), false, List.of(), 1, Map.of(), overlap, cpus);
    }

    @Test
    void busyMachineSaysHowRarelyTheThreadsMet() {
        StressResult r = sb(0, 0.03, 2);
        assertTrue(r.starved());
        assertEquals("Your machine was busy: the actor threads ran at the same moment in only 3% of the 2,000,000 "
                + "samples, too rarely to see `0, 0`.", r.overlapSentence("0, 0"));
    }

    @Test
    void oneCpuSaysItCannotShow() {
        String s = sb(0, 0.0, 1).overlapSentence("0, 0");
        assertTrue(s.startsWith("This JVM has one CPU"), s);
        assertTrue(s.contains("cannot show here"), s);
    }

    @Test
    void seenOutcomeGivesItsCountAndTheOverlap() {
        StressResult r = sb(1234, 0.87, 2);
        assertFalse(r.starved());
        assertEquals("The actor threads ran at the same moment in 87% of the 2,000,000 samples, and `0, 0` came up "
                + "1,234 times.", r.overlapSentence("0, 0"));
        assertEquals(2468.0, r.perSecond("0, 0"), 1e-9);
    }

    @Test
    void notSeenDespiteOverlapSaysSo() {
        String s = sb(0, 0.5, 2).overlapSentence("0, 0");
        assertEquals("The actor threads ran at the same moment in 50% of the 2,000,000 samples, yet `0, 0` was not "
                + "seen in any of them.", s);
    }

    @Test
    void unmeasuredOverlapIsNotInvented() {
        StressResult r = new StressResult("SB", "jcstress", "", List.of(), 10, Duration.ofMillis(1), false, List.of(),
                1, Map.of());
        assertTrue(r.overlap().isEmpty());
        assertTrue(r.overlapSentence("0, 0").contains("was not measured"));
    }

    @Test
    void smallSharesKeepTwoDigits() {
        assertEquals("0.043%", StressResult.percent(0.00043));
        assertEquals("0%", StressResult.percent(0));
    }
}
