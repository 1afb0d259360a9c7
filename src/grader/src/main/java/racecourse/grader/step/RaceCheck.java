package racecourse.grader.step;

import java.io.IOException;
import java.util.Map;
import racecourse.grader.exercise.Exercise;
import racecourse.grader.pipeline.TestSuite;

/**
 * Runs an exercise's race test with the submission under a race detector and says whether a data race was found.
 * Implementations must run the submission in a sandboxed child JVM, as the test run does.
 */
public interface RaceCheck {
    /**
     * What the check found.
     *
     * @param ran       false when the detector is not available (the check is then not scored)
     * @param complete  true only when the probe ran to its end and passed, the child JVM exited normally and the
     *                  detector's report says it is complete; a clean but incomplete run earns nothing
     * @param races     how many distinct races were reported
     * @param report    the report, in words the learner can act on (or why the check did not run or complete)
     */
    record Outcome(boolean ran, boolean complete, int races, String report) {
    }

    /** Runs the exercise's race test against the (rewritten) submission classes with a per-test timeout. */
    Outcome run(Exercise exercise, TestSuite suite, Map<String, byte[]> submission, java.time.Duration testTimeout)
            throws IOException, InterruptedException;

    /**
     * As above, with the child JVM stopped after {@code limit} at the latest (what is left of the grading's budget).
     * The default ignores the limit; a check that starts a JVM overrides it.
     */
    default Outcome run(Exercise exercise, TestSuite suite, Map<String, byte[]> submission,
            java.time.Duration testTimeout, java.time.Duration limit) throws IOException, InterruptedException {
        return run(exercise, suite, submission, testTimeout);
    }
}
