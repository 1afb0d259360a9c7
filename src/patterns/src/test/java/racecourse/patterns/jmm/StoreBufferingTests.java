package racecourse.patterns.jmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import racecourse.stress.StressOptions;
import racecourse.stress.StressResult;
import racecourse.stress.Stress;
import racecourse.stress.Verdict;

/** Evidence for store buffering: plain fields show {@code 0, 0}; volatile fields never do. */
class StoreBufferingTests {
    /**
     * Budget: run until the first {@code 0, 0}, at most 20 s. Measured on 2 cores it comes within about 25 ms
     * and in over 40% of samples, so missing it in 20 s would mean the harness no longer overlaps the actors.
     */
    @Test
    void plainFieldsShowBothLoadsEarly() {
        StressResult r = Stress.run(StoreBufferingPlain.class, StressOptions.defaults().progress(false)
                .warmup(Duration.ZERO).time(Duration.ofSeconds(20)).untilSeen("0, 0"));
        assertTrue(r.seen("0, 0"), r::report);
        assertEquals(Verdict.INTERESTING, r.verdict(), r::report);
    }

    /**
     * Budget: at least 10^8 samples, stopping there; the time limit (90 s) is only a guard against a stalled
     * machine, and the test then fails on the sample count rather than passing on too few samples.
     */
    @Test
    void volatileFieldsNeverShowBothLoadsEarly() {
        long wanted = 100_000_000L;
        StressResult r = Stress.run(StoreBufferingVolatile.class, StressOptions.defaults().progress(false)
                .warmup(Duration.ofMillis(50)).time(Duration.ofSeconds(90)).maxSamples(wanted));
        assertTrue(r.samples() >= wanted, () -> "only " + r.samples() + " samples\n" + r.report());
        assertEquals(0, r.count("0, 0"), r::report);
        assertEquals(Verdict.OK, r.verdict(), r::report);
        assertTrue(r.seen("0, 1") && r.seen("1, 0"), () -> "the actors never ran in both orders\n" + r.report());
    }
}
