package racecourse.stress.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import racecourse.stress.Stress;
import racecourse.stress.StressOptions;
import racecourse.stress.StressResult;
import racecourse.stress.fixtures.Fixtures;

class OverlapTests {
    private static long[] stamps(long... t) {
        return t;
    }

    @Test
    void actorsOneAfterAnotherNeverOverlap() {
        // 600 samples = 3 chunks; A runs 0..30, B runs 30..60 (same clock reading at the hand-over).
        long[][] s = {stamps(0, 10, 20, 30), stamps(30, 40, 50, 60)};
        assertEquals(0, Overlap.overlappedSamples(s, 600));
    }

    @Test
    void sameChunkAtTheSameMomentCountsItsSamples() {
        // Chunks 0 and 1 meet; chunk 2 (88 samples) does not: A finished it before B began it.
        long[][] s = {stamps(0, 10, 20, 21), stamps(5, 15, 25, 30)};
        assertEquals(512, Overlap.overlappedSamples(s, 600));
        long[][] all = {stamps(0, 10, 20, 30), stamps(1, 11, 21, 31)};
        assertEquals(600, Overlap.overlappedSamples(all, 600));
    }

    @Test
    void differentChunksAtTheSameMomentDoNotCount() {
        // B is one chunk behind A the whole time: they run at once, but never on the same samples.
        long[][] s = {stamps(0, 10, 20, 30), stamps(10, 20, 30, 40)};
        assertEquals(0, Overlap.overlappedSamples(s, 768));
    }

    @Test
    void anyPairOfThreeActorsIsEnough() {
        long[][] s = {stamps(0, 10), stamps(20, 30), stamps(25, 35)};
        assertEquals(100, Overlap.overlappedSamples(s, 100));
    }

    @Test
    void tooFewStampsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Overlap.overlappedSamples(new long[][] {{0, 1}, {0}}, 10));
    }

    private static StressOptions quick() {
        return StressOptions.defaults().progress(false).warmup(Duration.ZERO).time(Duration.ofMillis(300)).seed(3);
    }

    /** Forced apart: with one worker thread the actors run one after the other, so nothing overlaps. */
    @Test
    void oneWorkerThreadMeansNoOverlap() {
        StressResult r = Stress.run(Fixtures.Constant.class, quick().cores(1));
        assertTrue(r.samples() > 0, r::report);
        assertEquals(0.0, r.overlap().orElseThrow(), r::report);
        assertTrue(r.starved(), r::report);
    }

    /**
     * Forced together: each actor waits inside every sample until the other has entered it, so on two worker
     * threads every chunk of one actor meets the same chunk of the other, however busy the machine.
     */
    @Test
    void actorsThatMeetInEverySampleOverlapFully() {
        StressResult r = Stress.run(Fixtures.Handshake.class, quick().cores(2).maxSamples(4_000).batchSize(1_024));
        assertTrue(r.samples() > 0, r::report);
        assertEquals(r.samples(), r.count("1, 1"), r::report);
        assertTrue(r.overlap().orElseThrow() > 0.95, r::report);
    }

    @Test
    void oneActorHasNoOverlapMeasure() {
        StressResult r = Stress.run(Fixtures.SingleActor.class, quick());
        assertTrue(r.overlap().isEmpty(), r::report);
    }
}
