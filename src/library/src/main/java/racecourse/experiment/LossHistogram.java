package racecourse.experiment;

import java.awt.Color;
import racecourse.display.BarChart;

/**
 * A histogram for counts of things that went wrong per trial: one bar for the trials where nothing went wrong,
 * then bars for ranges of positive counts, so that "none" is never lumped together with "a few". Drawn with
 * {@link BarChart}. Thread-safe (static methods only).
 */
public final class LossHistogram {
    private static final Color NONE = new Color(0x2ca02c);
    private static final Color SOME = new Color(0xd62728);

    private LossHistogram() {
    }

    /** A histogram of {@code values} (one per trial, none negative) in about {@code bins} ranges above zero. */
    public static BarChart of(long[] values, int bins, String title, String valueLabel) {
        if (bins < 1) throw new IllegalArgumentException("bins must be at least 1, got " + bins);
        long max = 0;
        int zeros = 0;
        for (long v : values) {
            if (v < 0) throw new IllegalArgumentException("counts cannot be negative: " + v);
            if (v == 0) zeros++;
            max = Math.max(max, v);
        }
        long width = niceWidth((max + bins - 1) / bins);
        int[] counts = new int[(int) ((max + width - 1) / width) + 1];
        for (long v : values) if (v > 0) counts[(int) ((v - 1) / width)]++;
        BarChart chart = BarChart.of(title, valueLabel, "trials");
        chart.bar("0", zeros, NONE, "nothing went wrong");
        int last = counts.length - 1;
        while (last >= 0 && counts[last] == 0) last--;
        for (int b = 0; b <= last; b++) {
            long low = b * width + 1;
            long high = (b + 1) * width;
            chart.bar(width == 1 ? Long.toString(low) : low + "–" + high, counts[b], SOME, "something was lost");
        }
        chart.note(String.format("%d trials: %d with nothing lost, %d with a loss; largest %,d", values.length, zeros,
                values.length - zeros, max));
        return chart;
    }

    static long niceWidth(long raw) {
        if (raw <= 1) return 1;
        long step = 1;
        while (step * 10 < raw) step *= 10;
        if (raw <= step) return step;
        if (raw <= 2 * step) return 2 * step;
        if (raw <= 5 * step) return 5 * step;
        return 10 * step;
    }
}
