package racecourse.race.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The kernel checks judge on the 95% interval of a ratio, and say "inconclusive" when it straddles the goal. */
class KernelCheckTests {
    @Test
    void storeBufferingWithCloseRunsMeetsTheGoal() {
        String v = KernelCheck.storeBufferingVerdict(new double[] {0.05, 0.06, 0.07, 0.055, 0.065},
                new double[] {0.05, 0.06, 0.08, 0.058, 0.07});
        assertTrue(v.startsWith("within 2×"), v);
    }

    @Test
    void storeBufferingWithWidelySpreadRunsIsInconclusive() {
        // one measured run: plain 73.93%, 4.03%, 52.15%; kernel 73.93%, 0.12%, 0.06% (and two more each)
        String v = KernelCheck.storeBufferingVerdict(new double[] {0.7393, 0.0403, 0.5215, 0.30, 0.10},
                new double[] {0.7393, 0.0012, 0.0006, 0.40, 0.20});
        assertTrue(v.startsWith("inconclusive"), v);
    }

    @Test
    void storeBufferingTenTimesRarerMissesTheGoal() {
        String v = KernelCheck.storeBufferingVerdict(new double[] {0.10, 0.11, 0.12, 0.105, 0.115},
                new double[] {0.01, 0.02, 0.02, 0.012, 0.015});
        assertTrue(v.startsWith("outside 2×"), v);
    }

    @Test
    void storeBufferingWithNoZeroZeroIsInconclusive() {
        String v = KernelCheck.storeBufferingVerdict(new double[] {0.1, 0.2, 0.3}, new double[] {0, 0.1, 0.2});
        assertTrue(v.startsWith("inconclusive (no '0, 0'"), v);
    }

    @Test
    void theLockLoopVerdictHoldsOverTheWholeInterval() {
        // one measured run: plain 31.8, 52.4, 62.7, 27.0, 102.0 ms; kernel 43.1, 28.4, 49.3, 46.7, 60.0 ms
        String overlap = KernelCheck.lockLoopVerdict(List.of(31_800_000L, 52_400_000L, 62_700_000L, 27_000_000L,
                102_000_000L), List.of(43_100_000L, 28_400_000L, 49_300_000L, 46_700_000L, 60_000_000L));
        assertTrue(overlap.startsWith("inconclusive"), overlap);
        String met = KernelCheck.lockLoopVerdict(List.of(50L, 51L, 52L, 53L, 50L), List.of(50L, 52L, 51L, 50L, 49L));
        assertTrue(met.startsWith("within 1.1×"), met);
        String missed = KernelCheck.lockLoopVerdict(List.of(50L, 51L, 52L, 53L, 54L), List.of(500L, 600L, 700L, 550L,
                650L));
        assertTrue(missed.startsWith("above 1.1×"), missed);
        String few = KernelCheck.lockLoopVerdict(List.of(50L, 51L, 52L), List.of(50L, 52L, 54L));
        assertTrue(few.startsWith("inconclusive") && few.contains("too few"), few);
    }
}
