package racecourse.race.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The kernel checks judge over the range of ratios the runs allow, and say "inconclusive" when it straddles the goal. */
class KernelCheckTests {
    @Test
    void storeBufferingWithCloseRunsMeetsTheGoal() {
        String v = KernelCheck.storeBufferingVerdict(new double[] {0.05, 0.06, 0.07}, new double[] {0.05, 0.06, 0.08});
        assertTrue(v.startsWith("within 2×"), v);
    }

    @Test
    void storeBufferingWithOverlappingRunsIsInconclusive() {
        // one measured run: plain 73.93%, 4.03%, 52.15%; kernel 73.93%, 0.12%, 0.06%
        String v = KernelCheck.storeBufferingVerdict(new double[] {0.7393, 0.0403, 0.5215},
                new double[] {0.7393, 0.0012, 0.0006});
        assertTrue(v.startsWith("inconclusive"), v);
    }

    @Test
    void storeBufferingWithSeparateRangesMissesTheGoal() {
        String v = KernelCheck.storeBufferingVerdict(new double[] {0.10, 0.11, 0.12}, new double[] {0.01, 0.02, 0.02});
        assertTrue(v.startsWith("outside 2×"), v);
    }

    @Test
    void storeBufferingWithNoZeroZeroIsInconclusive() {
        String v = KernelCheck.storeBufferingVerdict(new double[] {0.1, 0.2, 0.3}, new double[] {0, 0.1, 0.2});
        assertTrue(v.startsWith("inconclusive"), v);
    }

    @Test
    void theLockLoopVerdictHoldsOverTheWholeRange() {
        // one measured run: plain 31.8, 52.4, 62.7 ms; kernel 43.1, 28.4, 49.3 ms (medians 0.82x, runs 0.45-1.55x)
        String overlap = KernelCheck.lockLoopVerdict(List.of(31_800_000L, 52_400_000L, 62_700_000L),
                List.of(43_100_000L, 28_400_000L, 49_300_000L));
        assertTrue(overlap.startsWith("inconclusive"), overlap);
        String met = KernelCheck.lockLoopVerdict(List.of(50L, 51L, 52L), List.of(50L, 52L, 54L));
        assertTrue(met.startsWith("within 1.1×"), met);
        String missed = KernelCheck.lockLoopVerdict(List.of(50L, 51L, 52L), List.of(500L, 600L, 700L));
        assertTrue(missed.startsWith("above 1.1×"), missed);
    }
}
