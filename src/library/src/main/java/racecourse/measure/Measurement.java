package racecourse.measure;

import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import racecourse.display.MimeBundle;
import racecourse.display.Displayable;
import racecourse.display.SpreadChart;

/**
 * The result of a timing: each variant's summary, how busy the machine was, the verdicts between neighbours in
 * order of median, and a chart of median and spread. Shows itself in a notebook as the chart with a text twin
 * that states every number and the verdict sentences. Immutable and thread-safe.
 *
 * @param title what was timed
 * @param unit the unit of the samples
 * @param better which way the unit improves
 * @param summaries one per variant, in the order first seen
 * @param load the busiest reading of the machine taken during the runs
 */
public record Measurement(String title, String unit, Better better, List<Summary> summaries, MachineLoad load)
        implements Displayable {
    private static final DecimalFormat NUMBER = new DecimalFormat("#,##0.###");

    /** Copies the summaries. */
    public Measurement {
        summaries = List.copyOf(summaries);
        if (summaries.isEmpty()) throw new IllegalArgumentException(title + ": nothing was measured");
    }

    /** The summary of one variant. */
    public Summary summary(String variant) {
        return summaries.stream().filter(s -> s.variant().equals(variant)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no variant '" + variant + "' in " + title));
    }

    /** The verdict between two variants. */
    public TimingVerdict verdict(String a, String b) {
        return TimingVerdict.compare(summary(a), summary(b), better, unit, load);
    }

    /** The verdicts between neighbours, best median first. */
    public List<TimingVerdict> verdicts() {
        Comparator<Summary> byMedian = Comparator.comparingDouble(Summary::median);
        List<Summary> ordered = new ArrayList<>(summaries);
        ordered.sort(better == Better.LOWER ? byMedian : byMedian.reversed());
        List<TimingVerdict> out = new ArrayList<>();
        for (int i = 0; i + 1 < ordered.size(); i++) out.add(TimingVerdict.compare(ordered.get(i), ordered.get(i + 1), better, unit, load));
        return out;
    }

    /** The text that interprets the result, generated from the verdicts. */
    public String interpretation() {
        if (summaries.size() == 1) {
            Summary only = summaries.getFirst();
            return "Only " + only.variant() + " was measured: median " + number(only.median()) + " " + unit
                    + " (range " + number(only.min()) + "–" + number(only.max()) + "); there is nothing to compare it with.";
        }
        StringBuilder out = new StringBuilder();
        for (TimingVerdict v : verdicts()) out.append(out.isEmpty() ? "" : "\n").append("* ").append(v.sentence());
        return out.toString();
    }

    /** The chart: one box per variant (interquartile range) with its median and min–max whiskers. */
    public SpreadChart chart() {
        SpreadChart chart = SpreadChart.of(title + " (" + summaries.getFirst().count() + " runs, child JVMs)", "variant",
                unit + (better == Better.LOWER ? " (lower is faster)" : " (higher is faster)"));
        for (Summary s : summaries) chart.variant(s.variant(), s.min(), s.q1(), s.median(), s.q3(), s.max());
        return chart;
    }

    /** Every number, one variant a line, then the interpretation. */
    public String text() {
        StringBuilder out = new StringBuilder(title).append(" (").append(unit).append(")\n");
        for (Summary s : summaries) {
            out.append(String.format("  %s: median %s, IQR %s–%s, range %s–%s, %d runs%n", s.variant(), number(s.median()),
                    number(s.q1()), number(s.q3()), number(s.min()), number(s.max()), s.count()));
        }
        out.append("  machine: ").append(load.words()).append('\n');
        return out.append(interpretation()).toString();
    }

    @Override
    public MimeBundle toMimeBundle() {
        return new MimeBundle().withPng(chart().png()).with(MimeBundle.TEXT, text());
    }

    static String number(double value) {
        synchronized (NUMBER) {
            return NUMBER.format(value);
        }
    }
}
