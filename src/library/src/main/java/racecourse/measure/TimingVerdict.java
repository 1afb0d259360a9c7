package racecourse.measure;

import java.util.Locale;

/**
 * What two variants' timings allow us to say: one is faster only when their min–max spreads do not overlap;
 * otherwise the comparison is inconclusive on this machine at this time. The sentence a lesson shows is generated
 * here, from the data. Immutable and thread-safe.
 *
 * @param first the variant with the better median
 * @param second the other variant
 * @param better which way the unit improves
 * @param unit the unit of the samples, for the sentence
 * @param load how busy the machine was while measuring
 */
public record TimingVerdict(Summary first, Summary second, Better better, String unit, MachineLoad load) {
    /** Compares two summaries; the one with the better median comes first. */
    public static TimingVerdict compare(Summary a, Summary b, Better better, String unit, MachineLoad load) {
        return better.faster(b.median(), a.median()) ? new TimingVerdict(b, a, better, unit, load) : new TimingVerdict(a, b, better, unit, load);
    }

    /** Whether the data show a difference: the spreads do not overlap. */
    public boolean conclusive() {
        return !first.overlaps(second);
    }

    /** How many times better the first median is than the second (at least 1). */
    public double ratio() {
        double a = first.median(), b = second.median();
        if (a == 0 || b == 0) return Double.POSITIVE_INFINITY;
        return better == Better.LOWER ? b / a : a / b;
    }

    /** The sentence a lesson shows for this comparison. */
    public String sentence() {
        if (conclusive()) {
            return String.format(Locale.ROOT, "%s is faster than %s: median %s against %s %s, about %.1f× (%d and %d runs; "
                            + "their ranges do not overlap).", first.variant(), second.variant(), Measurement.number(first.median()),
                    Measurement.number(second.median()), unit, ratio(), first.count(), second.count());
        }
        return String.format(Locale.ROOT, "%s against %s is inconclusive on this machine right now: %s. Medians %s and %s "
                        + "%s, but their ranges overlap (%s–%s and %s–%s); run it again on a quieter machine.",
                first.variant(), second.variant(), load.words(), Measurement.number(first.median()),
                Measurement.number(second.median()), unit, Measurement.number(first.min()), Measurement.number(first.max()),
                Measurement.number(second.min()), Measurement.number(second.max()));
    }
}
