package racecourse.measure;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Locale;

/**
 * How many times larger one variant's samples are than another's, with a distribution-free confidence interval:
 * the Hodges–Lehmann estimate of the shift between the two samples' logarithms, and the interval between order
 * statistics of their pairwise differences that the exact Mann–Whitney distribution gives (Bauer, JASA 1972; the
 * interval R's {@code wilcox.test(conf.int = TRUE)} reports). Unlike the range from the slowest run of one variant to
 * the fastest of the other, this interval narrows as runs are added. It assumes the variants differ by a factor, the
 * runs being independent.
 *
 * <p>When the two variants ran in turn, {@link #paired} takes the ratio round by round instead: the Hodges–Lehmann
 * estimate of the rounds' log ratios and the interval the exact Wilcoxon signed-rank distribution gives (R's
 * {@code wilcox.test(paired = TRUE, conf.int = TRUE)}). A machine whose speed drifts during the measurement slows
 * both runs of a round alike, so the drift leaves the round's ratio alone instead of widening the interval. It
 * assumes each round's log ratio is the true one plus noise symmetric about zero. Immutable and thread-safe.
 *
 * @param estimate the estimated ratio of the first variant to the second
 * @param low the interval's lower end (0 when there are too few runs for the confidence asked)
 * @param high the interval's upper end (infinite when there are too few runs for the confidence asked)
 * @param confidence the interval's exact coverage under the model, at least the confidence asked for
 * @param first how many samples the first variant has
 * @param second how many samples the second variant has
 * @param paired whether the samples were taken as rounds, one of each variant, and compared round by round
 */
public record RatioInterval(double estimate, double low, double high, double confidence, int first, int second,
                            boolean paired) {
    /** The confidence the course asks of its verdicts. */
    public static final double CONFIDENCE = 0.95;

    /** An interval from two independent samples. */
    public RatioInterval(double estimate, double low, double high, double confidence, int first, int second) {
        this(estimate, low, high, confidence, first, second, false);
    }

    /**
     * The ratio of {@code first}'s samples to {@code second}'s taken round by round ({@code first[i]} and
     * {@code second[i]} ran one after the other), at {@link #CONFIDENCE}; samples must be positive.
     */
    public static RatioInterval paired(double[] first, double[] second) {
        return paired(first, second, CONFIDENCE);
    }

    /** As {@link #paired(double[], double[])}, with an interval of at least {@code confidence}. */
    public static RatioInterval paired(double[] first, double[] second, double confidence) {
        checkArguments(first, second, confidence);
        if (first.length != second.length) {
            throw new IllegalArgumentException("rounds need one sample of each variant: " + first.length + " and "
                    + second.length + " samples");
        }
        int n = first.length;
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = Math.log(first[i]) - Math.log(second[i]);
        }
        // the Walsh averages (r_i + r_j) / 2, i <= j
        double[] w = new double[n * (n + 1) / 2];
        int at = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                w[at++] = (r[i] + r[j]) / 2;
            }
        }
        return fromOrderStatistics(w, signedRankCounts(n), confidence, n, n, true);
    }

    /** The ratio of {@code first}'s samples to {@code second}'s, at {@link #CONFIDENCE}; samples must be positive. */
    public static RatioInterval of(double[] first, double[] second) {
        return of(first, second, CONFIDENCE);
    }

    /** The ratio of {@code first}'s samples to {@code second}'s, with an interval of at least {@code confidence}. */
    public static RatioInterval of(double[] first, double[] second, double confidence) {
        checkArguments(first, second, confidence);
        int n = first.length;
        int m = second.length;
        double[] d = new double[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                d[i * m + j] = Math.log(first[i]) - Math.log(second[j]);
            }
        }
        return fromOrderStatistics(d, mannWhitneyCounts(n, m), confidence, n, m, false);
    }

    /**
     * The interval between order statistics of {@code d} (differences of logarithms) whose rank statistic has the
     * null distribution {@code counts} (how many equally likely outcomes give each value 0, 1, ...).
     */
    private static RatioInterval fromOrderStatistics(double[] d, BigInteger[] counts, double confidence, int n, int m,
                                                     boolean paired) {
        Arrays.sort(d);
        int total = d.length;
        double middle = total % 2 == 1 ? d[total / 2] : (d[total / 2 - 1] + d[total / 2]) / 2;
        BigInteger all = BigInteger.ZERO;
        for (BigInteger c : counts) {
            all = all.add(c);
        }
        // the largest k with P(statistic <= k - 1) <= (1 - confidence) / 2: the interval is [d(k), d(total + 1 - k)]
        double tail = (1 - confidence) / 2;
        BigInteger below = BigInteger.ZERO;
        int k = 0;
        while (k < counts.length) {
            BigInteger next = below.add(counts[k]);
            if (fraction(next, all) > tail) {
                break;
            }
            below = next;
            k++;
        }
        if (k == 0) {
            return new RatioInterval(Math.exp(middle), 0, Double.POSITIVE_INFINITY, 1, n, m, paired);
        }
        double coverage = 1 - 2 * fraction(below, all);
        return new RatioInterval(Math.exp(middle), Math.exp(d[k - 1]), Math.exp(d[total - k]), coverage, n, m,
                paired);
    }

    /** Whether the samples were enough for an interval with both ends finite. */
    public boolean bounded() {
        return low > 0 && Double.isFinite(high);
    }

    /** The verdict against an upper goal: met when the whole interval is at most {@code goal}. */
    public Verdict atMost(double goal) {
        if (high <= goal) return Verdict.MET;
        if (low > goal) return Verdict.NOT_MET;
        return Verdict.INCONCLUSIVE;
    }

    /** The verdict against a band: met when the whole interval lies within {@code [from, to]}. */
    public Verdict within(double from, double to) {
        if (low >= from && high <= to) return Verdict.MET;
        if (high < from || low > to) return Verdict.NOT_MET;
        return Verdict.INCONCLUSIVE;
    }

    /**
     * The estimate and interval in words, for example {@code "8.6× (95% interval 7.1–10.4×, 7 and 7 runs)"}, or
     * {@code "…, 7 rounds, ratio taken round by round)"} when paired.
     */
    public String words() {
        String runs = paired ? first + " rounds, ratio taken round by round" : first + " and " + second + " runs";
        if (!bounded()) {
            return String.format(Locale.ROOT, "%s× (%s are too few for a %d%% interval)",
                    number(estimate), runs, Math.round(100 * CONFIDENCE));
        }
        return String.format(Locale.ROOT, "%s× (%s%% interval %s–%s×, %s)", number(estimate),
                percent(confidence), number(low), number(high), runs);
    }

    /** What an interval says about a goal. */
    public enum Verdict {
        /** The whole interval meets the goal. */
        MET("goal met"),
        /** The whole interval misses the goal. */
        NOT_MET("goal not met"),
        /** The interval straddles the goal: the data do not decide. */
        INCONCLUSIVE("inconclusive");

        private final String words;

        Verdict(String words) {
            this.words = words;
        }

        /** The verdict as a report prints it. */
        public String words() {
            return words;
        }
    }

    /**
     * How many of the C(n+m, n) orderings of the two samples give each value of the Mann–Whitney statistic U
     * (0 to nm), by the recurrence f(n, m, u) = f(n-1, m, u-m) + f(n, m-1, u).
     */
    static BigInteger[] mannWhitneyCounts(int n, int m) {
        // row[j][u] holds f(i, j, u) for the current i
        BigInteger[][] row = new BigInteger[m + 1][];
        for (int j = 0; j <= m; j++) {
            row[j] = new BigInteger[] {BigInteger.ONE};
        }
        for (int i = 1; i <= n; i++) {
            BigInteger[][] next = new BigInteger[m + 1][];
            next[0] = new BigInteger[] {BigInteger.ONE};
            for (int j = 1; j <= m; j++) {
                BigInteger[] f = new BigInteger[i * j + 1];
                for (int u = 0; u <= i * j; u++) {
                    BigInteger a = u - j >= 0 && u - j < row[j].length ? row[j][u - j] : BigInteger.ZERO;
                    BigInteger b = u < next[j - 1].length ? next[j - 1][u] : BigInteger.ZERO;
                    f[u] = a.add(b);
                }
                next[j] = f;
            }
            row = next;
        }
        return row[m];
    }

    /**
     * How many of the 2^n sign patterns of ranks 1..n give each value of the Wilcoxon signed-rank statistic T (the
     * sum of the positive ranks, 0 to n(n+1)/2): the number of subsets of {1, ..., n} with each sum.
     */
    static BigInteger[] signedRankCounts(int n) {
        int max = n * (n + 1) / 2;
        BigInteger[] f = new BigInteger[max + 1];
        Arrays.fill(f, BigInteger.ZERO);
        f[0] = BigInteger.ONE;
        for (int rank = 1; rank <= n; rank++) {
            for (int t = max; t >= rank; t--) {
                f[t] = f[t].add(f[t - rank]);
            }
        }
        return f;
    }

    private static void checkArguments(double[] first, double[] second, double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence " + confidence + " is not between 0 and 1");
        }
        check(first, "first");
        check(second, "second");
    }

    private static double fraction(BigInteger part, BigInteger whole) {
        return new java.math.BigDecimal(part).divide(new java.math.BigDecimal(whole), java.math.MathContext.DECIMAL64)
                .doubleValue();
    }

    private static void check(double[] samples, String which) {
        if (samples == null || samples.length == 0) {
            throw new IllegalArgumentException("the " + which + " variant has no samples");
        }
        for (double s : samples) {
            if (!(s > 0) || !Double.isFinite(s)) {
                throw new IllegalArgumentException("the " + which + " variant has a sample " + s
                        + "; a ratio needs positive, finite samples");
            }
        }
    }

    private static String number(double x) {
        return x >= 10 ? String.format(Locale.ROOT, "%.1f", x) : String.format(Locale.ROOT, "%.2f", x);
    }

    private static String percent(double c) {
        double p = 100 * c;
        return p >= 99.95 ? String.format(Locale.ROOT, "%.2f", p) : String.format(Locale.ROOT, "%.1f", p);
    }
}
