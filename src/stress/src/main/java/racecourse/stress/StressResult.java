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
    private final double overlap;
    private final int cpus;

    /** Below this share of samples with the actors running at the same moment, a run counts as starved. */
    public static final double BUSY_OVERLAP = 0.2;

    /**
     * A result from its parts; rows are sorted by outcome id.
     *
     * @param source where it was measured: {@code "embedded"} or {@code "jcstress"}
     * @param firstSeen time from the start of the run to the first sighting of each outcome (may be empty)
     */
    public StressResult(String name, String source, String description, List<OutcomeCount> outcomes, long samples,
                        Duration wallTime, boolean interrupted, List<String> warnings, long seed,
                        Map<String, Duration> firstSeen) {
        this(name, source, description, outcomes, samples, wallTime, interrupted, warnings, seed, firstSeen, Double.NaN,
                Runtime.getRuntime().availableProcessors());
    }

    /**
     * A result from its parts, with how often the actors overlapped.
     *
     * @param overlap share of the samples during which at least two actors ran at the same moment (0 to 1), or
     *                NaN when not measured
     * @param cpus processors the JVM had ({@link Runtime#availableProcessors()})
     */
    public StressResult(String name, String source, String description, List<OutcomeCount> outcomes, long samples,
                        Duration wallTime, boolean interrupted, List<String> warnings, long seed,
                        Map<String, Duration> firstSeen, double overlap, int cpus) {
        if (!Double.isNaN(overlap) && (overlap < 0 || overlap > 1)) {
            throw new IllegalArgumentException("overlap must be between 0 and 1: " + overlap);
        }
        this.overlap = overlap;
        this.cpus = cpus;
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
                firstSeen, overlap, cpus);
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

    /** Samples per second of wall time that ended in this outcome. */
    public double perSecond(String id) {
        double s = wallTime.toNanos() / 1e9;
        return s <= 0 ? 0 : count(id) / s;
    }

    /**
     * Share of the counted samples during which at least two actors ran at the same moment (0 to 1); empty when
     * not measured (a jcstress run, or a test with one actor).
     */
    public java.util.OptionalDouble overlap() {
        return Double.isNaN(overlap) ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(overlap);
    }

    /** Processors the JVM had during the run. */
    public int cpus() {
        return cpus;
    }

    /**
     * Whether the actors could not have raced often enough to show much: one CPU, or less than
     * {@link #BUSY_OVERLAP} of the samples overlapped.
     */
    public boolean starved() {
        return cpus < 2 || (!Double.isNaN(overlap) && overlap < BUSY_OVERLAP);
    }

    /**
     * One sentence, from this run's numbers, on whether the actors ran at the same moment and what that means for
     * an outcome that needs them to: e.g. "Your machine was busy: the two threads ran at the same moment in only
     * 3% of the 2,000,000 samples, too rarely to see `0, 0`."
     */
    public String overlapSentence(String outcome) {
        String who = actorWords();
        if (cpus < 2) {
            return String.format(Locale.ROOT, "This JVM has one CPU (`Runtime.availableProcessors()` is %d): %s take "
                    + "turns and never run at the same moment, so `%s` cannot show here however long the run; "
                    + "a machine with two or more cores is needed to see it.", cpus, who, outcome);
        }
        if (Double.isNaN(overlap)) {
            return String.format(Locale.ROOT, "How often %s ran at the same moment was not measured in this run (%s).",
                    who, source);
        }
        String share = percent(overlap);
        if (seen(outcome)) {
            return String.format(Locale.ROOT, "%s ran at the same moment in %s of the %,d samples, and `%s` came up "
                    + "%,d times.", capital(who), share, samples, outcome, count(outcome));
        }
        if (overlap < BUSY_OVERLAP) {
            return String.format(Locale.ROOT, "Your machine was busy: %s ran at the same moment in only %s of the "
                    + "%,d samples, too rarely to see `%s`.", who, share, samples, outcome);
        }
        return String.format(Locale.ROOT, "%s ran at the same moment in %s of the %,d samples, yet `%s` was not "
                + "seen in any of them.", capital(who), share, samples, outcome);
    }

    private static String actorWords() {
        return "the actor threads";
    }

    private static String capital(String words) {
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A share as a percentage a reader can take in: "0%", "0.04%", "3%", "87%". */
    static String percent(double share) {
        double p = 100 * share;
        if (p == 0) return "0%";
        if (p < 1) return String.format(Locale.ROOT, "%.2g%%", p);
        return String.format(Locale.ROOT, "%.0f%%", p);
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
        if (!Double.isNaN(overlap)) {
            out.append(String.format(Locale.ROOT, "actors ran at the same moment in %s of the samples; %d CPUs%n",
                    percent(overlap), cpus));
        }
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
                .append(interrupted ? "; interrupted" : "")
                .append(Double.isNaN(overlap) ? "" : "; actors ran at the same moment in " + percent(overlap)
                        + " of the samples")
                .append("</p>");
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
