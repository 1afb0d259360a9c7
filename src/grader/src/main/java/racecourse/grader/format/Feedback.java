package racecourse.grader.format;

import racecourse.grader.pipeline.Format;
import racecourse.grader.pipeline.GradeReport;
import racecourse.grader.pipeline.TestResult;

/**
 * Writes the learner's feedback as Markdown: the score, compiler errors, each failed check with its reason (the
 * assertion message, the deadlocked threads, the race report), and the checks that passed.
 * Thread-safe (stateless).
 */
public final class Feedback {
    private Feedback() {
    }

    /** The feedback text. */
    public static String write(GradeReport report) {
        StringBuilder out = new StringBuilder();
        out.append("# Feedback: ").append(report.exercise()).append("\n\n");
        out.append("Submission `").append(report.submission()).append("`: **")
                .append(Format.points(report.score())).append(" / ").append(Format.points(report.maxScore()))
                .append(" points**.\n\n").append(report.summary()).append("\n");
        if (!report.compileErrors().isEmpty()) {
            out.append("\n## Compiler errors\n\n```\n").append(String.join("\n", report.compileErrors()))
                    .append("\n```\n");
        }
        if (!report.notes().isEmpty()) {
            out.append("\n## Notes\n\n");
            for (String n : report.notes()) {
                out.append("- ").append(n).append('\n');
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
                    out.append("\n\n```\n").append(t.output().isBlank() ? "(no message)" : t.output().strip())
                            .append("\n```\n");
                }
            }
        }
        if (!report.raceReport().isBlank()) {
            out.append("\n## Race detector report\n\n```\n").append(report.raceReport().strip()).append("\n```\n");
        }
        for (TestResult t : report.tests()) {
            if (!t.passed() && t.maxScore() == 0) {
                out.append("\n## Not checked\n\n- ").append(t.name()).append(": ").append(t.output().strip())
                        .append('\n');
            }
        }
        out.append("\n## Passed\n\n");
        boolean any = false;
        for (TestResult t : report.tests()) {
            if (t.passed()) {
                any = true;
                out.append("- ").append(t.name()).append(" (").append(Format.points(t.score())).append(")\n");
            }
        }
        if (!any) {
            out.append("(none yet)\n");
        }
        return out.toString();
    }
}
