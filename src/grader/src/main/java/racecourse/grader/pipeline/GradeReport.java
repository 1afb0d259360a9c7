package racecourse.grader.pipeline;

import java.time.Duration;
import java.util.List;

/**
 * Everything the grader found about one submission. Immutable.
 *
 * @param exercise      exercise name
 * @param submission    submission file name
 * @param tests         every graded check, in order
 * @param summary       one paragraph for the top of the feedback
 * @param compileErrors compiler errors, empty when the code compiled
 * @param notes         remarks (cells left out, blocked APIs used, missing metadata)
 * @param raceReport    the race detector's report, empty when it found nothing or did not run
 * @param elapsed       wall-clock time of the grading
 * @param seeds         the seed, strategy and budget of every randomised or explored step, by step
 */
public record GradeReport(String exercise, String submission, List<TestResult> tests, String summary,
        List<String> compileErrors, List<String> notes, String raceReport, Duration elapsed,
        java.util.Map<String, Object> seeds) {

    /** A report of a grading with no seeded step. */
    public GradeReport(String exercise, String submission, List<TestResult> tests, String summary,
            List<String> compileErrors, List<String> notes, String raceReport, Duration elapsed) {
        this(exercise, submission, tests, summary, compileErrors, notes, raceReport, elapsed, java.util.Map.of());
    }

    /** Points earned. */
    public double score() {
        return tests.stream().mapToDouble(TestResult::score).sum();
    }

    /** Points possible. */
    public double maxScore() {
        return tests.stream().mapToDouble(TestResult::maxScore).sum();
    }

    /** True at full marks (and something to earn). */
    public boolean fullScore() {
        return maxScore() > 0 && Math.abs(score() - maxScore()) < 1e-9;
    }
}
