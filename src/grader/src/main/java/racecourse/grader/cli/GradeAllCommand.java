package racecourse.grader.cli;

import java.io.PrintWriter;
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
import racecourse.grader.pipeline.GradeAll;
import racecourse.grader.pipeline.Gradebook;
import racecourse.grader.pipeline.Grader;
import racecourse.grader.step.DetectorRaceCheck;

/** {@code racecourse grade-all EXERCISE DIR --gradebook FILE}: grades a folder of submissions, resumably. */
@Command(name = "grade-all", mixinStandardHelpOptions = true,
        description = "Grade every .ipynb in a folder in parallel, one gradebook row each. Run again after an "
                + "interruption to grade only what is missing.",
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {"0:every submission was graded",
            "1:some submissions could not be graded (see the gradebook)", ExitCodes.LINE_USAGE, ExitCodes.LINE_CRASH})
public final class GradeAllCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXERCISE", description = "exercise name, e.g. bank")
    String exercise;

    @Parameters(index = "1", paramLabel = "DIR", description = "folder of submitted notebooks")
    Path dir;

    @Option(names = "--gradebook", required = true, paramLabel = "FILE", description = "CSV gradebook (appended to)")
    Path gradebook;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "2", description = "parallel gradings (default 2)")
    int jobs;

    @Option(names = "--out", paramLabel = "DIR", description = "also write NAME.results.json and NAME.feedback.md here")
    Path out;

    @Option(names = "--course", paramLabel = "DIR", description = "course root (default: search upward from here)")
    Path course;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        Course c;
        Exercise ex;
        Gradebook book;
        try {
            c = Course.locate(course);
            ex = c.exercise(exercise);
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("no such folder: " + dir);
            }
            if (jobs < 1) {
                throw new IllegalArgumentException("--jobs must be at least 1");
            }
            book = Gradebook.open(gradebook);
        } catch (IllegalArgumentException e) {
            err.println("grade-all: " + e.getMessage());
            return 2;
        }
        GradeAll.Summary s = new GradeAll(new Grader(new DetectorRaceCheck(c.root())))
                .run(ex, dir, book, jobs, out, line -> {
                    synchronized (stdout) {
                        stdout.println(line);
                        stdout.flush();
                    }
                });
        stdout.println("graded " + s.graded() + ", already in the gradebook " + s.skipped() + ", errors "
                + s.errors());
        stdout.flush();
        return s.errors() == 0 ? 0 : 1;
    }
}
