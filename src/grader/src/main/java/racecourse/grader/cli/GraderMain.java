package racecourse.grader.cli;

import picocli.CommandLine;

/**
 * The entry point of a Gradescope bundle's {@code run_autograder}: the {@code grade} command on its own, so the
 * bundle needs only the grader's jars. Same options and exit status as {@code racecourse grade}.
 */
public final class GraderMain {
    private GraderMain() {
    }

    /** Runs {@code grade} with {@code args}. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new GradeCommand()).execute(args));
    }
}
