package racecourse.measure;

import java.util.Arrays;

/**
 * One variant's samples summarised: median, interquartile range and min–max. Quantiles interpolate linearly
 * between order statistics (the usual "type 7" rule). Immutable and thread-safe.
 *
 * @param variant the variant's name
 * @param samples the samples, in the order they were taken
 */
public record Summary(String variant, double[] samples) {
    /** Checks that there is at least one finite sample, and copies them. */
    public Summary {
        if (variant == null || variant.isBlank()) throw new IllegalArgumentException("a summary needs a variant name");
        if (samples == null || samples.length == 0) throw new IllegalArgumentException(variant + ": no samples");
        for (double s : samples) {
            if (!Double.isFinite(s)) throw new IllegalArgumentException(variant + ": sample " + s + " is not a finite number");
        }
        samples = samples.clone();
    }

    /** The samples, in the order they were taken. */
    @Override
    public double[] samples() {
        return samples.clone();
    }

    /** How many samples there are. */
    public int count() {
        return samples.length;
    }

    /** The {@code q}-quantile, {@code 0 <= q <= 1}. */
    public double quantile(double q) {
        if (q < 0 || q > 1) throw new IllegalArgumentException("quantile " + q + " is outside 0..1");
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /** The median. */
    public double median() {
        return quantile(0.5);
    }

    /** The first quartile. */
    public double q1() {
        return quantile(0.25);
    }

    /** The third quartile. */
    public double q3() {
        return quantile(0.75);
    }

    /** The smallest sample. */
    public double min() {
        return quantile(0);
    }

    /** The largest sample. */
    public double max() {
        return quantile(1);
    }

    /** Whether the min–max ranges of this variant and another share any value. */
    public boolean overlaps(Summary other) {
        return min() <= other.max() && other.min() <= max();
    }
}
