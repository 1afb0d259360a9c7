package racecourse.stress;

import java.awt.Color;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.openjdk.jcstress.annotations.Expect;
import racecourse.display.BarChart;
import racecourse.display.Displayable;
import racecourse.display.MimeBundle;
import racecourse.display.Tables;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What a stress run counted: the outcome table, samples, time and verdict. Shown in a notebook as a bar chart
 * (bars coloured by expectation, log scale when counts span decades) with the table under it. Immutable;
 * thread-safe.
 */
public final class StressResult implements Displayable {
    static final Color ACCEPTABLE = new Color(0x4c78a8);
    static final Color INTERESTING = new Color(0xf58518);
    static final Color FORBIDDEN = new Color(0xd62728);

    private final String name;
    private final String source;
    private final String description;
    private final List<OutcomeCount> outcomes;
    private final long samples;
    private final Duration wallTime;
    private final boolean interrupted;
    private final List<String> warnings;
    private final long seed;
    private final Map<String, Duration> firstSeen;

    /**
     * A result from its parts; rows are sorted by outcome id.
     *
     * @param source where it was measured: {@code "embedded"} or {@code "jcstress"}
     * @param firstSeen time from the start of the run to the first sighting of each outcome (may be empty)
     */
    public StressResult(String name, String source, String description, List<OutcomeCount> outcomes, long samples,
                        Duration wallTime, boolean interrupted, List<String> warnings, long seed,
                        Map<String, Duration> firstSeen) {
        this.name = name;
        this.source = source;
        this.description = description == null ? "" : description;
        List<OutcomeCount> sorted = new ArrayList<>(outcomes);
        sorted.sort(Comparator.comparing(OutcomeCount::id, StressResult::compareIds));
        this.outcomes = List.copyOf(sorted);
        this.samples = samples;
        this.wallTime = wallTime;
        this.interrupted = interrupted;
        this.warnings = List.copyOf(warnings);
        this.seed = seed;
        this.firstSeen = Map.copyOf(firstSeen);
    }

    /** The same result under another name. */
    public StressResult renamed(String newName) {
        return new StressResult(newName, source, description, outcomes, samples, wallTime, interrupted, warnings, seed,
                firstSeen);
    }

    /** Orders ids like "0, 10" after "0, 9": numeric parts compare as numbers. */
    static int compareIds(String a, String b) {
        String[] x = a.split(", ");
        String[] y = b.split(", ");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c;
            try {
                c = Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i]));
            } catch (NumberFormatException e) {
                c = x[i].compareTo(y[i]);
            }
            if (c != 0) return c;
        }
        return Integer.compare(x.length, y.length);
    }

    public String name() {
        return name;
    }

    /** Where it was measured: {@code "embedded"} (this JVM) or {@code "jcstress"} (forked JVMs). */
    public String source() {
        return source;
    }

    public String description() {
        return description;
    }

    /** Every declared or observed outcome, sorted by id. */
    public List<OutcomeCount> outcomes() {
        return outcomes;
    }

    /** Counted samples (warm-up excluded). */
    public long samples() {
        return samples;
    }

    /** Time spent producing the counted samples. */
    public Duration wallTime() {
        return wallTime;
    }

    /** Whether the run stopped early because the calling thread was interrupted. */
    public boolean interrupted() {
        return interrupted;
    }

    /** Caveats about this run, e.g. a busy machine. */
    public List<String> warnings() {
        return warnings;
    }

    public long seed() {
        return seed;
    }

    /** Samples per second of wall time. */
    public double samplesPerSecond() {
        double s = wallTime.toNanos() / 1e9;
        return s <= 0 ? 0 : samples / s;
    }

    /** Acceptable-interesting samples per second of wall time. */
    public double interestingPerSecond() {
        double s = wallTime.toNanos() / 1e9;
        long n = outcomes.stream().filter(OutcomeCount::isInteresting).mapToLong(OutcomeCount::count).sum();
        return s <= 0 ? 0 : n / s;
    }

    /** The worst thing counted. */
    public Verdict verdict() {
        if (outcomes.stream().anyMatch(o -> o.count() > 0 && o.isForbidden())) return Verdict.FORBIDDEN;
        if (outcomes.stream().anyMatch(o -> o.count() > 0 && o.isInteresting())) return Verdict.INTERESTING;
        return Verdict.OK;
    }

    /** Samples that ended in this outcome (0 when never seen). */
    public long count(String id) {
        return outcomes.stream().filter(o -> o.id().equals(id)).mapToLong(OutcomeCount::count).sum();
    }

    /** Whether this outcome was counted at least once. */
    public boolean seen(String id) {
        return count(id) > 0;
    }

    /** This outcome's share of the samples. */
    public double fraction(String id) {
        return samples == 0 ? 0 : (double) count(id) / samples;
    }

    /** Time from the start of the run (warm-up included) to the first sighting, where measured. */
    public Optional<Duration> firstSeen(String id) {
        return Optional.ofNullable(firstSeen.get(id));
    }

    /** The outcome table: outcome, count, fraction, expectation, description. */
    public Table table() {
        StringColumn id = StringColumn.create("outcome");
        LongColumn count = LongColumn.create("count");
        DoubleColumn fraction = DoubleColumn.create("fraction");
        StringColumn expect = StringColumn.create("expectation");
        StringColumn desc = StringColumn.create("description");
        for (OutcomeCount o : outcomes) {
            id.append(o.id());
            count.append(o.count());
            fraction.append(samples == 0 ? 0 : (double) o.count() / samples);
            expect.append(o.expect().name());
            desc.append(o.description());
        }
        return Table.create(name + " (" + source + ")", id, count, fraction, expect, desc);
    }

    /** The counts as a bar chart, coloured by expectation. */
    public BarChart chart() {
        BarChart chart = BarChart.of(shortName() + " (" + source + ", " + String.format(Locale.ROOT, "%,d", samples)
                + " samples)", "outcome", "samples");
        for (OutcomeCount o : outcomes) {
            Color colour = o.isForbidden() ? FORBIDDEN : o.isInteresting() ? INTERESTING : ACCEPTABLE;
            String group = o.isForbidden() ? "forbidden" : o.isInteresting() ? "acceptable, interesting" : "acceptable";
            chart.bar(o.id(), o.count(), colour, group);
        }
        chart.logScaleWhenWide();
        chart.note("verdict: " + verdict().words());
        return chart;
    }

    private String shortName() {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot + 1);
    }

    /** A jcstress-like report: header, one line per outcome, verdict and warnings. */
    public String report() {
        StringBuilder out = new StringBuilder();
        out.append(name).append("  (").append(source).append(String.format(Locale.ROOT,
                ", %,d samples in %.2f s, %s samples/s)", samples, wallTime.toNanos() / 1e9, rate(samplesPerSecond())));
        if (interrupted) out.append("  [interrupted]");
        out.append('\n');
        int w = Math.max(6, outcomes.stream().mapToInt(o -> o.id().length()).max().orElse(0));
        out.append(String.format(Locale.ROOT, "  %" + w + "s  %15s  %7s  %22s  %s%n", "RESULT", "SAMPLES", "FREQ", "EXPECT", "DESCRIPTION"));
        for (OutcomeCount o : outcomes) {
            double f = samples == 0 ? 0 : 100.0 * o.count() / samples;
            out.append(String.format(Locale.ROOT, "  %" + w + "s  %,15d  %6.2f%%  %22s  %s%n", o.id(), o.count(), f,
                    o.expect().name(), o.description()));
        }
        out.append("verdict: ").append(verdict().words());
        double ips = interestingPerSecond();
        if (ips > 0) out.append(String.format(Locale.ROOT, " (%s interesting outcomes/s)", rate(ips)));
        out.append('\n');
        for (String w2 : warnings) out.append("warning: ").append(w2).append('\n');
        return out.toString();
    }

    static String rate(double perSecond) {
        if (perSecond >= 1e6) return String.format(Locale.ROOT, "%.1f M", perSecond / 1e6);
        if (perSecond >= 1e3) return String.format(Locale.ROOT, "%.1f k", perSecond / 1e3);
        return String.format(Locale.ROOT, "%.0f", perSecond);
    }

    /** The chart and the table as an HTML fragment. */
    public String html() {
        byte[] png = chart().png();
        return htmlWith(Base64.getEncoder().encodeToString(png));
    }

    private String htmlWith(String png64) {
        StringBuilder out = new StringBuilder("<div class=\"racecourse-stress\">");
        out.append("<p><b>").append(Tables.escape(name)).append("</b> (").append(Tables.escape(source)).append(") — ")
                .append(verdict() == Verdict.FORBIDDEN ? "<b style=\"color:#d62728\">" : "<b>")
                .append(Tables.escape(verdict().words())).append("</b>; ")
                .append(String.format(Locale.ROOT, "%,d samples in %.2f s (%s samples/s)", samples,
                        wallTime.toNanos() / 1e9, rate(samplesPerSecond())))
                .append(interrupted ? "; interrupted" : "").append("</p>");
        if (!description.isBlank()) out.append("<p>").append(Tables.escape(description)).append("</p>");
        out.append("<img src=\"data:image/png;base64,").append(png64).append("\" alt=\"outcome counts\"/>");
        out.append(Tables.html(table()));
        for (String w : warnings) out.append("<p><i>warning: ").append(Tables.escape(w)).append("</i></p>");
        return out.append("</div>").toString();
    }

    /**
     * This result with another view beside its chart, built from this run's counts by outcome id; for a
     * litmus-shaped test, the allowed-outcome calculator's verdicts: {@code r.beside(Litmus.sb()::judge)}.
     */
    public Displayable beside(Function<Map<String, Long>, ? extends Displayable> view) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (OutcomeCount o : outcomes) counts.merge(o.id(), o.count(), Long::sum);
        MimeBundle other = view.apply(counts).toMimeBundle();
        MimeBundle mine = toMimeBundle();
        String otherHtml = other.data().getOrDefault(MimeBundle.HTML, "<pre>" + Tables.escape(other.text()) + "</pre>");
        String html = "<div style=\"display:flex;gap:1.5em;align-items:flex-start;flex-wrap:wrap\"><div>"
                + mine.data().get(MimeBundle.HTML) + "</div><div>" + otherHtml + "</div></div>";
        return () -> new MimeBundle().with(MimeBundle.HTML, html).with(MimeBundle.PNG, mine.data().get(MimeBundle.PNG))
                .with(MimeBundle.TEXT, mine.text() + "\n" + other.text());
    }

    @Override
    public MimeBundle toMimeBundle() {
        String png64 = Base64.getEncoder().encodeToString(chart().png());
        return new MimeBundle().with(MimeBundle.HTML, htmlWith(png64)).with(MimeBundle.PNG, png64)
                .with(MimeBundle.TEXT, report());
    }

    @Override
    public String toString() {
        return report();
    }

    /** Expectation from a jcstress name such as "ACCEPTABLE_INTERESTING" or a printed one such as "Interesting". */
    static Expect expectOf(String words) {
        return Expect.valueOf(words.trim().toUpperCase(Locale.ROOT));
    }
}
