package racecourse.grader.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import racecourse.grader.TestCourse;
import racecourse.grader.exercise.Course;
import racecourse.grader.exercise.Exercise;
import racecourse.grader.exercise.Variant;
import racecourse.grader.format.Feedback;
import racecourse.grader.format.GradescopeResults;
import racecourse.grader.step.DetectorRaceCheck;

/**
 * Grading is deterministic: each racy, check-then-act or deadlocking variant (scored by explored checks where the
 * exercise declares them), graded three times at once (so the runs also
 * disturb each other's timing), gets the same score, the same results and the same feedback every time.
 */
class DeterminismTests {
    private static final Course COURSE = TestCourse.course();

    @TestFactory
    Stream<DynamicTest> racyAndDeadlockingVariantsGradeTheSameThreeTimes() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : COURSE.exerciseNames()) {
            Exercise ex = COURSE.exercise(name);
            for (Path p : ex.variants()) {
                Variant v = Variant.read(p);
                String first = v.text().lines().findFirst().orElse("");
                if (v.races() || first.contains("deadlock") || first.contains("check-then-act")) {
                    tests.add(DynamicTest.dynamicTest(name + ": " + v.name() + " grades the same three times",
                            () -> threeTimes(ex, v)));
                }
            }
        }
        return tests.stream();
    }

    private static void threeTimes(Exercise ex, Variant v) throws Exception {
        Grader grader = new Grader(new DetectorRaceCheck(COURSE.root()), v.testTimeout());
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<GradeReport>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(pool.submit(() -> grader.grade(ex, Variant.submission(ex, v.text()), v.name() + ".ipynb")));
            }
            GradeReport first = runs.get(0).get();
            // results.json records the seed of every explored check, so the grade can be reproduced.
            assertEquals(racecourse.grader.step.ExploreCheck.checks(ex).size(), first.seeds().size(), v.name());
            for (Future<GradeReport> f : runs.subList(1, 3)) {
                GradeReport r = f.get();
                assertEquals(first.score(), r.score(), 1e-9, v.name());
                assertEquals(Feedback.write(first), Feedback.write(r), v.name());
                assertEquals(withoutTime(first), withoutTime(r), v.name());
                assertEquals(first.seeds(), r.seeds(), v.name());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String withoutTime(GradeReport r) {
        return GradescopeResults.write(r).replaceAll("\"execution_time\": \\d+", "");
    }
}
