package racecourse.grader.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import racecourse.grader.TestCourse;
import racecourse.grader.exercise.Course;
import racecourse.grader.exercise.Exercise;
import racecourse.grader.exercise.Variant;
import racecourse.grader.format.Notebook;
import racecourse.grader.release.Release;
import racecourse.grader.step.DetectorRaceCheck;

/**
 * Grades every exercise's reference solution (full marks), its released stub (zero) and its variants (the score on
 * each variant's first line). Each grading starts one child JVM; the whole class takes about two minutes.
 */
class ExercisesTests {
    private static final Course COURSE = TestCourse.course();
    private static final DetectorRaceCheck RACE = new DetectorRaceCheck(COURSE.root());
    private static final Grader GRADER = new Grader(RACE);

    @TestFactory
    Stream<DynamicTest> everyExercise() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : COURSE.exerciseNames()) {
            Exercise ex = COURSE.exercise(name);
            tests.add(DynamicTest.dynamicTest(name + ": notebook points equal the graded points",
                    () -> notebookPoints(ex)));
            tests.add(DynamicTest.dynamicTest(name + ": reference solution scores full marks", () -> reference(ex)));
            tests.add(DynamicTest.dynamicTest(name + ": released stub scores zero", () -> stub(ex)));
            for (Path v : ex.variants()) {
                Variant variant = Variant.read(v);
                tests.add(DynamicTest.dynamicTest(name + ": variant " + variant.name() + " scores "
                        + Format.points(variant.score()), () -> variant(ex, variant)));
            }
        }
        return tests.stream();
    }

    private static double raceMax(Exercise ex) throws IOException {
        return RACE.agentJar() == null ? 0 : ex.racePoints();
    }

    private static void notebookPoints(Exercise ex) throws IOException {
        Notebook nb = ex.readNotebook();
        // nbgrader's rules: solution cells are not graded and carry no points; points sit on graded cells.
        for (Notebook.Cell c : nb.cells()) {
            if (c.isSolution()) {
                assertEquals(Boolean.FALSE, c.nbgrader().get("grade"), ex.name() + ": a solution cell is not graded");
                assertFalse(c.nbgrader().containsKey("points"), ex.name() + ": a solution cell carries no points");
            }
            if (c.nbgrader() != null && c.nbgrader().containsKey("points")) {
                assertEquals(Boolean.TRUE, c.nbgrader().get("grade"), ex.name() + ": only graded cells carry points");
            }
            if (c.gradeId() != null) {
                assertTrue(c.gradeId().matches("[a-zA-Z0-9_-]*"), "nbgrader grade_id: " + c.gradeId());
            }
        }
        double declared = nb.cells().stream().filter(c -> Boolean.TRUE.equals(c.nbgrader().get("grade")))
                .mapToDouble(c -> ((Number) c.nbgrader().getOrDefault("points", 0L)).doubleValue()).sum();
        double rules = ex.codeRules().stream().mapToDouble(Exercise.CodeRule::points).sum();
        double total = GRADER.suite(ex).maxPoints() + rules + ex.racePoints()
                + racecourse.grader.step.ExploreCheck.points(ex);
        assertEquals(total, declared, "the graded cells' points must equal tests + rules + explored + race points");
    }

    private static void reference(Exercise ex) throws Exception {
        GradeReport r = GRADER.grade(ex, ex.notebook());
        assertTrue(r.fullScore(), () -> "reference scored " + r.score() + "/" + r.maxScore() + "\n"
                + racecourse.grader.format.Feedback.write(r));
        assertEquals(maxWithoutRace(ex) + raceMax(ex), r.maxScore(), 1e-9);
    }

    private static double maxWithoutRace(Exercise ex) throws IOException {
        return GRADER.suite(ex).maxPoints() + ex.codeRules().stream().mapToDouble(Exercise.CodeRule::points).sum()
                + racecourse.grader.step.ExploreCheck.points(ex);
    }

    private static void stub(Exercise ex) throws Exception {
        Notebook released = ex.readNotebook();
        released.setCells(Release.studentCells(released, ex.name()));
        GradeReport r = GRADER.grade(ex, released, "stub.ipynb");
        assertTrue(r.compileErrors().isEmpty(), () -> "the stub must compile: " + r.compileErrors());
        assertEquals(0, r.score(), 1e-9, () -> "the stub must score zero\n"
                + racecourse.grader.format.Feedback.write(r));
        assertFalse(r.fullScore());
    }

    private static void variant(Exercise ex, Variant v) throws Exception {
        Grader grader = v.testTimeout() == null ? GRADER : new Grader(RACE, v.testTimeout());
        GradeReport r = grader.grade(ex, Variant.submission(ex, v.text()), v.name() + ".ipynb");
        double expected = v.score();
        double max = v.max();
        if (raceMax(ex) == 0) {
            max -= ex.racePoints();
            // The race points are earned only by a race-free variant that passes at least one test.
            if (!v.races() && v.score() > 0) {
                expected -= ex.racePoints();
            }
        }
        double expectedFinal = expected;
        assertEquals(max, r.maxScore(), 1e-9);
        assertEquals(expectedFinal, r.score(), 1e-9, () -> v.name() + " scored " + r.score() + "\n"
                + racecourse.grader.format.Feedback.write(r));
    }
}
