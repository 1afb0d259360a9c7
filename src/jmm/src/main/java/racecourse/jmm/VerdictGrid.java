package racecourse.jmm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import racecourse.display.Displayable;
import racecourse.display.MimeBundle;
import racecourse.display.Tables;

/**
 * Tests against models in one table: SC, x86-TSO and ARMv8 for the test as written, then the Java model with
 * every access plain, opaque, release/acquire and volatile. Immutable; thread-safe.
 */
public final class VerdictGrid implements Displayable {
    /** The column titles after the test's name. */
    public static final List<String> COLUMNS = List.of("SC", "x86-TSO", "ARMv8", "JMM plain", "JMM opaque",
            "JMM rel/acq", "JMM volatile");
    private static final List<Mode> JAVA_MODES = List.of(Mode.PLAIN, Mode.OPAQUE, Mode.RELEASE, Mode.VOLATILE);

    /** One test's row: its name, the outcome asked about, and one verdict per column. */
    public record Row(String test, String condition, List<Verdict> verdicts) {
    }

    private final List<Row> rows;

    private VerdictGrid(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    /** The grid of the nine classic tests. */
    public static VerdictGrid classics() {
        return of(Catalogue.classics());
    }

    /** The grid of the given tests. */
    public static VerdictGrid of(List<Litmus> tests) {
        List<Row> rows = new ArrayList<>();
        for (Litmus t : tests) {
            Analysis a = Calculator.analyse(t);
            List<Verdict> vs = new ArrayList<>(List.of(a.verdict(Model.SC), a.verdict(Model.X86_TSO), a.verdict(Model.ARMV8)));
            for (Mode m : JAVA_MODES) vs.add(Calculator.analyse(t.withMode(m)).verdict(Model.JAVA));
            rows.add(new Row(t.name(), t.condition().toString(), vs));
        }
        return new VerdictGrid(rows);
    }

    /** One row per test. */
    public List<Row> rows() {
        return rows;
    }

    /** An aligned text table, A/F/contested per cell. */
    public String text() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-14s", "test"));
        for (String c : COLUMNS) out.append(String.format(Locale.ROOT, "%-13s", c));
        out.append("outcome\n");
        for (Row r : rows) {
            out.append(String.format(Locale.ROOT, "%-14s", r.test()));
            for (Verdict v : r.verdicts()) out.append(String.format(Locale.ROOT, "%-13s", v.word()));
            out.append(r.condition()).append('\n');
        }
        return out.append("hardware columns: the test as written, through HotSpot's mapping; JMM columns: every access in that mode\n").toString();
    }

    /** The grid as an HTML table. */
    public String html() {
        StringBuilder out = new StringBuilder("<table class=\"racecourse-table\"><thead><tr><th>test</th>");
        for (String c : COLUMNS) out.append("<th>").append(Tables.escape(c)).append("</th>");
        out.append("<th>outcome</th></tr></thead><tbody>");
        for (Row r : rows) {
            out.append("<tr><td>").append(Tables.escape(r.test())).append("</td>");
            for (Verdict v : r.verdicts()) {
                String colour = v == Verdict.ALLOWED ? "#4c78a8" : v == Verdict.FORBIDDEN ? "#d62728" : "#f58518";
                out.append("<td style=\"color:").append(colour).append("\">").append(v.word()).append("</td>");
            }
            out.append("<td><code>").append(Tables.escape(r.condition())).append("</code></td></tr>");
        }
        return out.append("</tbody></table>").toString();
    }

    @Override
    public MimeBundle toMimeBundle() {
        return new MimeBundle().with(MimeBundle.HTML, html()).with(MimeBundle.TEXT, text());
    }

    @Override
    public String toString() {
        return text();
    }
}
