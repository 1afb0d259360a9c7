package racecourse.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import racecourse.measure.RatioInterval.Verdict;

class RatioIntervalTests {
    /** U for one ordering: how many (first, second) pairs have the second's element before the first's. */
    private static int[] bruteForceCounts(int n, int m) {
        int[] counts = new int[n * m + 1];
        for (int mask = 0; mask < 1 << (n + m); mask++) {
            if (Integer.bitCount(mask) != n) continue;
            int u = 0;
            int seconds = 0;
            for (int p = 0; p < n + m; p++) {
                if ((mask >> p & 1) == 1) u += seconds;
                else seconds++;
            }
            counts[u]++;
        }
        return counts;
    }

    @Test
    void theMannWhitneyCountsAreThoseOfEveryOrdering() {
        for (int n = 1; n <= 6; n++) {
            for (int m = 1; m <= 6; m++) {
                BigInteger[] dp = RatioInterval.mannWhitneyCounts(n, m);
                int[] brute = bruteForceCounts(n, m);
                assertEquals(brute.length, dp.length, n + "x" + m);
                for (int u = 0; u < brute.length; u++) {
                    assertEquals(brute[u], dp[u].intValueExact(), n + "x" + m + " U=" + u);
                }
            }
        }
    }

    @Test
    void fiveRunsEachGiveTheThirdSmallestAndLargestPairwiseRatio() {
        // P(U <= 2) = 4/252 <= 2.5% < P(U <= 3) = 7/252, so the interval runs from d(3) to d(23)
        double[] a = {100, 130, 90, 160, 120};
        double[] b = {10, 12, 9, 15, 11};
        double[] d = new double[25];
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) d[5 * i + j] = a[i] / b[j];
        }
        Arrays.sort(d);
        RatioInterval r = RatioInterval.of(a, b);
        assertEquals(d[2], r.low(), 1e-9);
        assertEquals(d[22], r.high(), 1e-9);
        assertEquals(d[12], r.estimate(), 1e-9);
        assertEquals(1 - 8.0 / 252, r.confidence(), 1e-12);
        assertTrue(r.bounded());
    }

    @Test
    void anExactScaleIsEstimatedExactlyAndInsideTheInterval() {
        double[] base = {20, 24, 31, 18, 22, 27, 25};
        double[] scaled = Arrays.stream(base).map(x -> 8 * x).toArray();
        RatioInterval r = RatioInterval.of(scaled, base);
        assertEquals(8, r.estimate(), 1e-9);
        assertTrue(r.low() < 8 && 8 < r.high());
        assertEquals(Verdict.MET, r.atMost(r.high()));
        assertEquals(Verdict.NOT_MET, r.atMost(0.99 * r.low()));
    }

    @Test
    void tooFewRunsGiveNoFiniteIntervalAndNoVerdict() {
        RatioInterval r = RatioInterval.of(new double[] {50, 51, 52}, new double[] {10, 10.5, 11});
        assertFalse(r.bounded());
        assertEquals(Verdict.INCONCLUSIVE, r.atMost(10));
        assertEquals(Verdict.INCONCLUSIVE, r.within(0.5, 2));
        assertTrue(r.words().contains("too few"), r.words());
    }

    @Test
    void moreRunsOfTheSameSpreadNarrowTheInterval() {
        double[] pattern = {1.0, 1.3, 0.8, 1.6, 1.1, 0.9, 1.4, 1.2, 0.7, 1.5, 1.05};
        double[] fewA = new double[5];
        double[] fewB = new double[5];
        double[] manyA = new double[11];
        double[] manyB = new double[11];
        for (int i = 0; i < 11; i++) {
            manyA[i] = 90 * pattern[i];
            manyB[i] = 10 * pattern[(i + 4) % 11];
            if (i < 5) {
                fewA[i] = manyA[i];
                fewB[i] = manyB[i];
            }
        }
        RatioInterval few = RatioInterval.of(fewA, fewB);
        RatioInterval many = RatioInterval.of(manyA, manyB);
        assertTrue(many.high() / many.low() < few.high() / few.low(), few.words() + " then " + many.words());
        // the old rule (slowest of one against the fastest of the other) only widens with more runs
        double oldFew = (max(fewA) / min(fewB)) / (min(fewA) / max(fewB));
        double oldMany = (max(manyA) / min(manyB)) / (min(manyA) / max(manyB));
        assertTrue(oldMany >= oldFew);
    }

    @Test
    void theSignedRankCountsAreThoseOfEverySignPattern() {
        for (int n = 1; n <= 12; n++) {
            BigInteger[] dp = RatioInterval.signedRankCounts(n);
            int[] brute = new int[n * (n + 1) / 2 + 1];
            for (int mask = 0; mask < 1 << n; mask++) {
                int t = 0;
                for (int rank = 1; rank <= n; rank++) {
                    if ((mask >> (rank - 1) & 1) == 1) t += rank;
                }
                brute[t]++;
            }
            assertEquals(brute.length, dp.length, "n=" + n);
            for (int t = 0; t < brute.length; t++) assertEquals(brute[t], dp[t].intValueExact(), "n=" + n + " T=" + t);
        }
    }

    @Test
    void eightRoundsGiveTheFourthSmallestAndLargestWalshAverage() {
        // n = 8: P(T <= 3) = 5/256 <= 2.5% < P(T <= 4) = 7/256, so the interval runs from w(4) to w(33) of 36
        double[] a = {100, 130, 90, 160, 120, 95, 140, 110};
        double[] b = {90, 118, 86, 150, 101, 93, 125, 104};
        double[] r = new double[8];
        for (int i = 0; i < 8; i++) r[i] = Math.log(a[i]) - Math.log(b[i]);
        double[] w = new double[36];
        int at = 0;
        for (int i = 0; i < 8; i++) {
            for (int j = i; j < 8; j++) w[at++] = (r[i] + r[j]) / 2;
        }
        Arrays.sort(w);
        RatioInterval p = RatioInterval.paired(a, b);
        assertEquals(Math.exp(w[3]), p.low(), 1e-9);
        assertEquals(Math.exp(w[32]), p.high(), 1e-9);
        assertEquals(Math.exp((w[17] + w[18]) / 2), p.estimate(), 1e-9);
        assertEquals(1 - 10.0 / 256, p.confidence(), 1e-12);
        assertTrue(p.paired());
        assertTrue(p.words().contains("8 rounds, ratio taken round by round"), p.words());
    }

    @Test
    void pairingRoundsRemovesADriftThatHidesTheRatioFromIndependentSamples() {
        // the machine's speed drifts by a factor of two over the rounds; in each round the first variant takes 0.9
        // of the second's time, give or take 2%
        int n = 21;
        double[] first = new double[n];
        double[] second = new double[n];
        for (int i = 0; i < n; i++) {
            double speed = 1 + i / (double) (n - 1);
            double noise = 1 + 0.02 * Math.sin(7.0 * i);
            second[i] = speed;
            first[i] = 0.9 * speed * noise;
        }
        RatioInterval rounds = RatioInterval.paired(first, second);
        RatioInterval independent = RatioInterval.of(first, second);
        assertTrue(rounds.low() > 0.88 && rounds.high() < 0.92, rounds.words());
        assertEquals(Verdict.MET, rounds.atMost(1));
        assertEquals(Verdict.INCONCLUSIVE, independent.atMost(1), independent.words());
    }

    @Test
    void fiveRoundsAreTooFewForAPairedInterval() {
        // P(T <= 0) = 1/32 > 2.5%: no sign pattern is rare enough
        RatioInterval r = RatioInterval.paired(new double[] {9, 9.1, 8.9, 9.2, 9}, new double[] {10, 10, 10, 10, 10});
        assertFalse(r.bounded());
        assertEquals(Verdict.INCONCLUSIVE, r.atMost(1));
        assertTrue(r.words().contains("5 rounds") && r.words().contains("too few"), r.words());
        assertTrue(RatioInterval.paired(new double[] {9, 9.1, 8.9, 9.2, 9, 9.1}, new double[] {10, 10, 10, 10, 10, 10})
                .bounded());
    }

    @Test
    void verdictsFollowTheWholeInterval() {
        RatioInterval r = new RatioInterval(8, 6, 9, 0.95, 7, 7);
        assertEquals(Verdict.MET, r.atMost(10));
        assertEquals(Verdict.NOT_MET, r.atMost(5));
        assertEquals(Verdict.INCONCLUSIVE, r.atMost(8));
        RatioInterval near = new RatioInterval(0.9, 0.7, 1.3, 0.95, 7, 7);
        assertEquals(Verdict.MET, near.within(0.5, 2));
        assertEquals(Verdict.INCONCLUSIVE, near.within(0.8, 1.2));
        assertEquals(Verdict.NOT_MET, near.within(2, 4));
        assertEquals(Verdict.NOT_MET, near.within(0.1, 0.5));
    }

    @Test
    void samplesThatHaveNoRatioAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> RatioInterval.of(new double[0], new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> RatioInterval.of(new double[] {1, 0}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> RatioInterval.of(new double[] {1}, new double[] {Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> RatioInterval.of(new double[] {1}, new double[] {1}, 1.0));
        assertThrows(IllegalArgumentException.class, () -> RatioInterval.paired(new double[] {1, 2}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> RatioInterval.paired(new double[] {1}, new double[] {-1}));
    }

    private static double max(double[] xs) {
        return Arrays.stream(xs).max().orElseThrow();
    }

    private static double min(double[] xs) {
        return Arrays.stream(xs).min().orElseThrow();
    }
}
