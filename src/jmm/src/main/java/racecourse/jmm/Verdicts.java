package racecourse.jmm;

import java.util.List;
import java.util.Locale;
import racecourse.display.Displayable;
import racecourse.display.MimeBundle;
import racecourse.display.Tables;

/**
 * A test's verdict table: model, verdict, and why, as HTML with a plain-text twin. Immutable; thread-safe.
 */
public final class Verdicts implements Displayable {
    private final Litmus test;
    private final List<ModelVerdict> rows;
    private final Analysis analysis;

    Verdicts(Litmus test, List<ModelVerdict> rows, Analysis analysis) {
        this.test = test;
        this.rows = List.copyOf(rows);
        this.analysis = analysis;
    }

    /** The test judged. */
    public Litmus test() {
        return test;
    }

    /** One row per model, in the order SC, x86-TSO, ARMv8, Java. */
    public List<ModelVerdict> rows() {
        return rows;
    }

    /** The allowed-outcome sets behind the verdicts. */
    public Analysis analysis() {
        return analysis;
    }

    /** One model's row. */
    public ModelVerdict get(Model model) {
        return rows.stream().filter(r -> r.model() == model).findFirst().orElseThrow();
    }

    /** One model's verdict. */
    public Verdict verdict(Model model) {
        return get(model).verdict();
    }

    /** The test, then one line per model and its explanation or note. */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append(test.text());
        out.append(String.format(Locale.ROOT, "%-9s %-10s %s%n", "model", "verdict", "why"));
        for (ModelVerdict r : rows) {
            String why = r.explanation() != null ? r.explanation().text()
                    : "allowed outcomes: " + analysis.allowed(r.model()).size();
            out.append(String.format(Locale.ROOT, "%-9s %-10s %s%n", r.model().title(), r.verdict().word(), why));
            if (!r.note().isEmpty()) out.append(String.format(Locale.ROOT, "%-9s %-10s note: %s%n", "", "", r.note()));
        }
        return out.toString();
    }

    /** The table as an HTML fragment. */
    public String html() {
        StringBuilder out = new StringBuilder("<div class=\"racecourse-jmm\"><pre>").append(Tables.escape(test.text())).append("</pre>");
        out.append("<table class=\"racecourse-table\"><thead><tr><th>model</th><th>")
                .append(Tables.escape("outcome " + test.condition())).append("</th><th>why</th></tr></thead><tbody>");
        for (ModelVerdict r : rows) {
            String colour = switch (r.verdict()) {
                case ALLOWED -> "#4c78a8";
                case FORBIDDEN -> "#d62728";
                case CONTESTED -> "#f58518";
            };
            out.append("<tr><td title=\"").append(Tables.escape(r.model().description())).append("\">")
                    .append(Tables.escape(r.model().title())).append("</td><td><b style=\"color:").append(colour).append("\">")
                    .append(r.verdict().word()).append("</b></td><td>");
            if (r.explanation() != null) out.append(Tables.escape(r.explanation().text()));
            else out.append(Tables.escape(analysis.allowed(r.model()).size() + " allowed outcomes"));
            if (!r.note().isEmpty()) out.append("<br/><i>").append(Tables.escape(r.note())).append("</i>");
            out.append("</td></tr>");
        }
        return out.append("</tbody></table></div>").toString();
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
