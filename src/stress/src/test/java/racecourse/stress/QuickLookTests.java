package racecourse.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openjdk.jcstress.annotations.Expect;
import racecourse.stress.fixtures.Fixtures;

class QuickLookTests {
    private static StressResult run(long bothZero, long samples, double overlap) {
        return new StressResult("SB", "embedded", "", List.of(
                new OutcomeCount("0, 0", bothZero, Expect.ACCEPTABLE_INTERESTING, ""),
                new OutcomeCount("1, 1", samples - bothZero, Expect.ACCEPTABLE, "")),
                samples, Duration.ofSeconds(1), false, List.of(), 1,
                bothZero > 0 ? Map.of("0, 0", Duration.ofMillis(40)) : Map.of(), overlap, 2);
    }

    @Test
    void missedEverywhereSaysSoWithTheNumbers() {
        QuickLook.Attempts a = new QuickLook.Attempts("0, 0", List.of(run(0, 1000, 0.01), run(0, 500, 0.02)));
        assertFalse(a.seen());
        assertEquals(1500, a.samples());
        assertEquals(0.01, a.leastOverlap(), 1e-12);
        String s = a.sentence();
        assertTrue(s.startsWith("`0, 0` was not seen in the first run's 1,000 samples."), s);
        assertTrue(s.contains("1 more runs (1,500 samples in all) did not see it either."), s);
        assertFalse(s.contains("came up"), s);
    }

    @Test
    void seenInARetryNamesTheRetry() {
        QuickLook.Attempts a = new QuickLook.Attempts("0, 0", List.of(run(0, 1000, 0.5), run(3, 200, 0.5)));
        assertTrue(a.seen());
        assertEquals(3, a.count());
        assertTrue(a.sentence().contains("Retry 1 of 3 saw it after 40 ms (200 samples)."), a.sentence());
    }

    @Test
    void seenAtOnceGivesCountRateAndFirstTime() {
        String s = new QuickLook.Attempts("0, 0", List.of(run(250, 1000, 0.9))).sentence();
        assertTrue(s.startsWith("`0, 0` came up 250 times in 1,000 samples (25%), 250 per second; the first after 40 ms."), s);
    }

    @Test
    void aLookHasARunAndNoNegativeRetries() {
        assertThrows(IllegalArgumentException.class, () -> new QuickLook.Attempts("0, 0", List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> QuickLook.look(Fixtures.Constant.class, StressOptions.defaults().progress(false), "0", -1));
    }

    /** An outcome every sample produces is seen in the first run, so no retry is made. */
    @Test
    void noRetryOnceSeen() {
        QuickLook.Attempts a = QuickLook.look(Fixtures.Constant.class, StressOptions.defaults().progress(false)
                .warmup(Duration.ZERO).time(Duration.ofMillis(100)), "1", 3);
        assertTrue(a.seen());
        assertEquals(0, a.retries());
    }
}
