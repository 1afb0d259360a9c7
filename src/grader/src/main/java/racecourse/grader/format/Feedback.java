package racecourse.grader.format;

import racecourse.grader.pipeline.Format;
import racecourse.grader.pipeline.GradeReport;
import racecourse.grader.pipeline.TestResult;

/**
 * Writes the learner's feedback as Markdown: the score, compiler errors, each failed check with its reason (the
 * assertion message, the deadlocked threads, the race report), and the checks that passed.
 *
 * <p>Everything that can hold text from the submission (what it printed, exception messages, its code, its file
 * name) is HTML-escaped and shown inside a fence longer than any run of backticks in it, so nothing a submission
 * prints can add a heading, an image, a comment or a fake score. Thread-safe (stateless).
 */
public final class Feedback {
    private Feedback() {
    }

    /** The feedback text. */
    public static String write(GradeReport report) {
        StringBuilder out = new StringBuilder();
        out.append("# Feedback: ").append(report.exercise()).append("\n\n");
        out.append("Submission ").append(inline(report.submission())).append(": **")
                .append(Format.points(report.score())).append(" / ").append(Format.points(report.maxScore()))
                .append(" points**.\n\n").append(report.summary()).append("\n");
        if (!report.compileErrors().isEmpty()) {
            out.append("\n## Compiler errors\n\n").append(block(String.join("\n", report.compileErrors())));
        }
        if (!report.notes().isEmpty()) {
            out.append("\n## Notes\n\n");
            for (String n : report.notes()) {
                out.append("- ").append(inline(n)).append('\n');
            }
        }
        boolean anyFailed = report.tests().stream().anyMatch(t -> !t.passed() && t.maxScore() > 0);
        if (anyFailed) {
            out.append("\n## What to fix\n");
            for (TestResult t : report.tests()) {
                if (!t.passed() && t.maxScore() > 0) {
                    out.append("\n### ").append(t.name()).append(" (").append(Format.points(t.score()))
                            .append(" / ").append(Format.points(t.maxScore())).append(")");
                    if (!"visible".equals(t.visibility())) {
                        out.append(" — hidden test");
                    }
                    out.append("\n\n").append(block(t.output().isBlank() ? "(no message)" : t.output().strip()));
                }
            }
        }
        if (!report.raceReport().isBlank()) {
            out.append("\n## Race detector report\n\n").append(block(report.raceReport().strip()));
        }
        for (TestResult t : report.tests()) {
            if (t.name().startsWith(racecourse.grader.pipeline.Grader.EVIDENCE)) {
                out.append("\n## ").append(escape(t.name())).append(t.passed() ? ": held\n" : ": failed\n");
                if (!t.passed()) {
                    out.append("\n").append(block(t.output().isBlank() ? "(no message)" : t.output().strip()));
                }
            }
        }
        for (TestResult t : report.tests()) {
            if (!t.passed() && t.maxScore() == 0 && !t.name().startsWith(racecourse.grader.pipeline.Grader.EVIDENCE)) {
                out.append("\n## Not checked\n\n- ").append(escape(t.name())).append(": ")
                        .append(inline(t.output().strip())).append('\n');
            }
        }
        out.append("\n## Passed\n\n");
        boolean any = false;
        for (TestResult t : report.tests()) {
            if (t.passed() && t.maxScore() > 0) {
                any = true;
                out.append("- ").append(t.name()).append(" (").append(Format.points(t.score())).append(")\n");
            }
        }
        if (!any) {
            out.append("(none yet)\n");
        }
        return out.toString();
    }

    /** Text that may come from a submission, as a fenced block it cannot break out of. */
    public static String block(String text) {
        String fence = "`".repeat(Math.max(3, longestRun(text, '`') + 1));
        return fence + "text\n" + escape(text) + "\n" + fence + "\n";
    }

    /** Text that may come from a submission, on one line, escaped, as inline code it cannot break out of. */
    public static String inline(String text) {
        String flat = escape(text.replaceAll("\\R", " "));
        String ticks = "`".repeat(longestRun(flat, '`') + 1);
        return ticks + " " + flat + " " + ticks;
    }

    /** HTML-escapes {@code &}, {@code <} and {@code >}. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static int longestRun(String text, char c) {
        int best = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == c ? run + 1 : 0;
            best = Math.max(best, run);
        }
        return best;
    }
}
