package racecourse.grader.inline;

import java.util.List;
import racecourse.display.Displayable;
import racecourse.display.MimeBundle;
import racecourse.display.Tables;

/**
 * The outcome of an inline check, shown in the notebook as a pass/fail table (HTML with a plain-text twin).
 * Immutable.
 *
 * @param exercise the exercise name
 * @param rows     one row per visible test
 * @param problem  why the check could not run at all, or empty
 */
public record CheckReport(String exercise, List<Row> rows, String problem) implements Displayable {

    /**
     * One test's outcome.
     *
     * @param test    the test's name
     * @param passed  true when it passed
     * @param message why it failed, or empty
     */
    public record Row(String test, boolean passed, String message) {
    }

    /** How many tests passed. */
    public long passed() {
        return rows.stream().filter(Row::passed).count();
    }

    /** True when every test passed and there was no problem. */
    public boolean allPassed() {
        return problem.isEmpty() && !rows.isEmpty() && passed() == rows.size();
    }

    @Override
    public MimeBundle toMimeBundle() {
        return MimeBundle.text(text()).with(MimeBundle.HTML, html());
    }

    /** The plain-text table. */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append(exercise).append(": ").append(headline()).append('\n');
        for (Row r : rows) {
            out.append(r.passed() ? "  PASS  " : "  FAIL  ").append(r.test()).append('\n');
            if (!r.passed() && !r.message().isBlank()) {
                r.message().lines().limit(8).forEach(l -> out.append("          ").append(l).append('\n'));
            }
        }
        return out.toString();
    }

    private String headline() {
        if (!problem.isEmpty()) {
            return problem;
        }
        return passed() + " of " + rows.size() + " visible tests passed"
                + (allPassed() ? ". The grader also runs hidden stress tests." : ".");
    }

    private String html() {
        StringBuilder out = new StringBuilder();
        out.append("<div><p><b>").append(Tables.escape(exercise)).append("</b>: ")
                .append(Tables.escape(headline())).append("</p>");
        if (!rows.isEmpty()) {
            out.append("<table><thead><tr><th>result</th><th style=\"text-align:left\">test</th>"
                    + "<th style=\"text-align:left\">why</th></tr></thead><tbody>");
            for (Row r : rows) {
                out.append("<tr><td>").append(r.passed() ? "&#x2705; pass" : "&#x274C; fail")
                        .append("</td><td style=\"text-align:left\">").append(Tables.escape(r.test()))
                        .append("</td><td style=\"text-align:left\"><pre style=\"margin:0\">")
                        .append(Tables.escape(r.message())).append("</pre></td></tr>");
            }
            out.append("</tbody></table>");
        }
        return out.append("</div>").toString();
    }

    @Override
    public String toString() {
        return text();
    }
}
