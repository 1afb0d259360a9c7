package racecourse.race.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The store-buffering verdict says "inconclusive" when the runs of the two settings overlap. */
class KernelCheckTests {
    @Test
    void closeMediansMeetTheGoal() {
        String v = KernelCheck.storeBufferingVerdict(new double[] {0.05, 0.06, 0.07}, new double[] {0.04, 0.05, 0.09});
        assertTrue(v.startsWith("within 2×"), v);
    }

    @Test
    void overlappingRunsAreInconclusive() {
        // one measured run: plain 73.93%, 4.03%, 52.15%; kernel 73.93%, 0.12%, 0.06%
        String v = KernelCheck.storeBufferingVerdict(new double[] {0.7393, 0.0403, 0.5215},
                new double[] {0.7393, 0.0012, 0.0006});
        assertTrue(v.startsWith("inconclusive"), v);
    }

    @Test
    void separateRangesMissTheGoal() {
        String v = KernelCheck.storeBufferingVerdict(new double[] {0.10, 0.11, 0.12}, new double[] {0.01, 0.02, 0.02});
        assertTrue(v.startsWith("outside 2×"), v);
    }

    @Test
    void noZeroZeroIsInconclusive() {
        String v = KernelCheck.storeBufferingVerdict(new double[] {0.1, 0.2, 0.3}, new double[] {0, 0, 0});
        assertTrue(v.startsWith("inconclusive"), v);
    }
}
