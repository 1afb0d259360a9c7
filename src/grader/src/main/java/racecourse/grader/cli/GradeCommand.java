package racecourse.grader.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import racecourse.commandline.ExitCodes;
import racecourse.grader.exercise.Course;
import racecourse.grader.exercise.Exercise;
import racecourse.grader.format.Feedback;
import racecourse.grader.format.GradescopeResults;
import racecourse.grader.pipeline.Format;
import racecourse.grader.pipeline.GradeReport;
import racecourse.grader.pipeline.Grader;
import racecourse.grader.step.DetectorRaceCheck;

/** {@code racecourse grade EXERCISE SUBMISSION.ipynb}: grades one submission; exit status 0 only at full marks. */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = "Grade one submitted notebook. Exit status 0 only at full score.",
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {"0:full score", "1:not full score",
            ExitCodes.LINE_USAGE, ExitCodes.LINE_CRASH})
public final class GradeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXERCISE", description = "exercise name, e.g. bank")
    String exercise;

    @Parameters(index = "1", paramLabel = "SUBMISSION", description = "the submitted .ipynb file")
    Path submission;

    @Option(names = "--results", paramLabel = "FILE", description = "write Gradescope results.json here")
    Path results;

    @Option(names = "--feedback", paramLabel = "FILE", description = "write the learner's feedback (Markdown) here")
    Path feedback;

    @Option(names = "--course", paramLabel = "DIR", description = "course root (default: search upward from here)")
    Path course;

    @Option(names = "--stress", description = "also run the stress tests and show them as evidence (never scored)")
    boolean stress;

    @Option(names = "--record-caches", description = "first record the child JVMs' class caches if they are "
            + "missing, by grading the exercise's reference solution (a Gradescope image does this once, in setup.sh)")
    boolean recordCaches;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Exercise ex;
        try {
            Course c = Course.locate(course);
            ex = c.exercise(exercise);
        } catch (IllegalArgumentException e) {
            err.println("grade: " + e.getMessage());
            return 2;
        }
        if (!Files.isRegularFile(submission)) {
            err.println("grade: no such submission file: " + submission);
            return 2;
        }
        Course c = Course.locate(course);
        Grader grader = new Grader(new DetectorRaceCheck(c.root()), null, stress);
        if (recordCaches && grader.warmUp(ex)) {
            err.println("grade: recorded the child JVMs' class caches by grading the reference solution");
        }
        GradeReport report = grader.grade(ex, submission);
        if (results != null) {
            Files.writeString(results, GradescopeResults.write(report), StandardCharsets.UTF_8);
        }
        if (feedback != null) {
            Files.writeString(feedback, Feedback.write(report), StandardCharsets.UTF_8);
        }
        out.println(report.exercise() + " " + report.submission() + ": " + Format.points(report.score()) + " / "
                + Format.points(report.maxScore()));
        out.println(report.summary());
        report.tests().stream().filter(t -> !t.passed()).forEach(t -> out.println("  FAILED " + t.name()));
        out.flush();
        return report.fullScore() ? 0 : 1;
    }
}
