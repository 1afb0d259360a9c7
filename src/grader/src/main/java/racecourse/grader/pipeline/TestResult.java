package racecourse.grader.pipeline;

/**
 * The outcome of one graded check (a JUnit test, a code rule, the race check).
 *
 * @param name       what was checked, in words
 * @param score      points earned
 * @param maxScore   points possible
 * @param passed     true when the check passed
 * @param output     why it failed, and what the submission printed meanwhile
 * @param visibility Gradescope visibility: {@code visible} or {@code after_published} for hidden tests
 */
public record TestResult(String name, double score, double maxScore, boolean passed, String output,
        String visibility) {
}
