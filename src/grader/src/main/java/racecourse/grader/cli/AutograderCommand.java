package racecourse.grader.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import racecourse.grader.exercise.Course;
import racecourse.grader.gradescope.Bundle;

/** {@code racecourse autograder EXERCISE --out DIR|FILE.zip}: builds a Gradescope autograder bundle. */
@Command(name = "autograder", mixinStandardHelpOptions = true,
        description = "Build a Gradescope autograder bundle (setup.sh, run_autograder, the grader's jars and the "
                + "exercise) into a folder, or a .zip to upload.")
public final class AutograderCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXERCISE", description = "exercise name, e.g. bank")
    String exercise;

    @Option(names = "--out", required = true, paramLabel = "DIR|FILE.zip",
            description = "an empty or new folder, or a .zip file")
    Path out;

    @Option(names = "--course", paramLabel = "DIR", description = "course root (default: search upward from here)")
    Path course;

    @Override
    public Integer call() throws Exception {
        try {
            Bundle bundle = new Bundle(Course.locate(course), exercise);
            if (out.toString().endsWith(".zip")) {
                bundle.writeZip(out);
            } else {
                bundle.write(out);
            }
            spec.commandLine().getOut().println("autograder for " + exercise + " written to " + out.toAbsolutePath());
            return 0;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("autograder: " + e.getMessage());
            return 2;
        }
    }
}
