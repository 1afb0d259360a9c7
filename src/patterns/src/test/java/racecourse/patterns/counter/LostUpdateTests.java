package racecourse.patterns.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import racecourse.stress.Stress;
import racecourse.stress.StressOptions;
import racecourse.stress.StressResult;
import racecourse.stress.Verdict;

/** Evidence for lost updates: {@code v++} loses increments, plain or volatile; {@code AtomicInteger} never does. */
class LostUpdateTests {
    /** Budget: until the first lost update, at most 20 s (measured: within tens of milliseconds). */
    @Test
    void plainIncrementLosesUpdates() {
        StressResult r = Stress.run(LostUpdatePlain.class, StressOptions.defaults().progress(false)
                .warmup(Duration.ZERO).time(Duration.ofSeconds(20)).untilSeen("1"));
        assertTrue(r.seen("1"), r::report);
        assertEquals(Verdict.INTERESTING, r.verdict(), r::report);
    }

    /** Budget: until the first lost update, at most 20 s. */
    @Test
    void volatileIncrementStillLosesUpdates() {
        StressResult r = Stress.run(LostUpdateVolatile.class, StressOptions.defaults().progress(false)
                .warmup(Duration.ZERO).time(Duration.ofSeconds(20)).untilSeen("1"));
        assertTrue(r.seen("1"), r::report);
    }

    /** Budget: 3 * 10^7 samples, time guard 60 s; the count is checked so a stalled run fails. */
    @Test
    void atomicIncrementNeverLosesUpdates() {
        long wanted = 30_000_000L;
        StressResult r = Stress.run(LostUpdateAtomic.class, StressOptions.defaults().progress(false)
                .time(Duration.ofSeconds(60)).maxSamples(wanted));
        assertTrue(r.samples() >= wanted, r::report);
        assertEquals(0, r.count("1"), r::report);
        assertEquals(Verdict.OK, r.verdict(), r::report);
        assertEquals(r.samples(), r.count("2"), r::report);
    }
}
