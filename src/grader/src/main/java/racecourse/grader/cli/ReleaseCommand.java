package racecourse.grader.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import racecourse.commandline.ExitCodes;
import racecourse.grader.exercise.Course;
import racecourse.grader.release.Release;

/** {@code racecourse release --out DIR}: writes the student version of the course. */
@Command(name = "release", mixinStandardHelpOptions = true,
        description = "Write the student version of the course: solutions stubbed, hidden tests and instructor "
                + "notes left out.",
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {"0:the release was written", ExitCodes.LINE_USAGE,
            ExitCodes.LINE_CRASH})
public final class ReleaseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "an empty or new folder")
    Path out;

    @Option(names = "--course", paramLabel = "DIR", description = "course root (default: search upward from here)")
    Path course;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        try {
            Release release = new Release(Course.locate(course));
            release.write(out);
            spec.commandLine().getOut().println("release written to " + out.toAbsolutePath() + " ("
                    + release.log().size() + " steps)");
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("release: " + e.getMessage());
            return 2;
        }
    }
}
