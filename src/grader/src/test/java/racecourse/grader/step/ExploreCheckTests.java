package racecourse.grader.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import racecourse.grader.TestCourse;
import racecourse.grader.exercise.Course;
import racecourse.grader.exercise.Exercise;
import racecourse.grader.exercise.Variant;
import racecourse.grader.format.GradescopeResults;
import racecourse.grader.pipeline.GradeReport;
import racecourse.grader.pipeline.Grader;
import racecourse.grader.pipeline.TestResult;

/**
 * Explored checks: every variant that is wrong by an interleaving fails an explored check, with a witness, a
 * swimlane and a replay line in its feedback and no hidden name; correct variants pass them all; results.json
 * records each check's seed.
 */
class ExploreCheckTests {
    private static final Course COURSE = TestCourse.course();
    private static final Grader GRADER = new Grader(new DetectorRaceCheck(COURSE.root()));

    /** A variant is wrong by an interleaving when its expectation line says so (races, deadlock, check-then-act). */
    static boolean wrongByInterleaving(Variant v) {
        String d = v.description().toLowerCase(java.util.Locale.ROOT);
        return v.races() || d.startsWith("deadlock") || d.startsWith("check-then-act") || d.contains("lost update");
    }

    /**
     * Walks every variant of every exercise. A variant wrong by an interleaving loses the points of at least one
     * explored check on each of two gradings (its exercise must declare explored checks), with the same results
     * both times and the witness, swimlane and replay line in the feedback; every other variant passes them all.
     */
    @TestFactory
    Stream<DynamicTest> variantsWrongByAnInterleavingFailAnExploredCheck() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : COURSE.exerciseNames()) {
            Exercise ex = COURSE.exercise(name);
            for (Path p : ex.variants()) {
                Variant v = Variant.read(p);
                tests.add(DynamicTest.dynamicTest(name + ": " + v.name(), () -> {
                    if (wrongByInterleaving(v)) {
                        assertFalse(ExploreCheck.checks(ex).isEmpty(), () -> name + " has a variant wrong by an "
                                + "interleaving (" + v.name() + ") but declares no explored check");
                    }
                    List<TestResult> first = explored(ex, v);
                    List<TestResult> second = explored(ex, v);
                    assertEquals(first, second, "the explored checks give the same results on every run");
                    assertEquals(ExploreCheck.checks(ex).size(), first.size());
                    List<TestResult> failed = first.stream().filter(t -> !t.passed()).toList();
                    if (!wrongByInterleaving(v)) {
                        assertTrue(failed.isEmpty(), () -> v.name() + " is correct under every interleaving, but "
                                + failed);
                        return;
                    }
                    assertFalse(failed.isEmpty(), () -> v.name() + " is wrong by an interleaving, but every "
                            + "explored check passed");
                    for (TestResult t : failed) {
                        assertEquals(0, t.score(), 1e-9, "a failed check earns nothing");
                        assertTrue(t.output().contains("One schedule that shows it"), t.output());
                        assertTrue(t.output().contains("| thread A"), () -> "a swimlane: " + t.output());
                        assertTrue(t.output().contains("Replay it in your notebook"), t.output());
                        assertTrue(t.output().contains("Explore.play("), t.output());
                        assertFalse(t.output().contains("racecourse.grader"), () -> "no grader name: "
                                + t.output());
                    }
                }));
            }
        }
        return tests.stream();
    }

    private static List<TestResult> explored(Exercise ex, Variant v) throws Exception {
        GradeReport r = GRADER.grade(ex, Variant.submission(ex, v.text()), v.name() + ".ipynb");
        return r.tests().stream().filter(t -> t.name().startsWith("Explored: ")).toList();
    }

    @Test
    void resultsRecordTheSeedOfEveryExploredCheck() throws Exception {
        Exercise bank = COURSE.exercise("bank");
        GradeReport r = GRADER.grade(bank, bank.notebook());
        assertTrue(r.fullScore(), () -> r.tests().toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> extra = (Map<String, Object>) GradescopeResults.toJson(r).get("extra_data");
        @SuppressWarnings("unchecked")
        Map<String, Object> seeds = (Map<String, Object>) extra.get("seeds");
        for (ExploreCheck.Check c : ExploreCheck.checks(bank)) {
            // the grader's child exports jdk.internal.vm, so the explorer switches threads as continuations there
            assertEquals(Map.of("strategy", c.strategy(), "seed", c.seed(), "schedules", c.schedules(),
                    "switches", "continuations"), seeds.get("explore." + c.id()), "seed of " + c.id());
        }
    }

    @Test
    void onlyTheLearnersFramesAreShown() {
        assertEquals("thread B threw X\n    at Lazy.get(Lazy.java:16)", ExploreCheck.learnerFrames(
                "thread B threw X\n    at the check\n    at Lazy.get(Lazy.java:16)\n"
                + "    at racecourse.grader.api.Subject$Bridge.invoke(Subject.java:192)\n    at java.base/x.y(Z.java:1)"));
    }

    @Test
    void hiddenClassNamesAreScrubbed() {
        assertEquals("at the check line", ExploreCheck.scrub(
                "at racecourse.grader.suite.C1f2e3d4$Inner.lambda$overdraft$0(unknown) line"));
        assertEquals("| Thread.start thread C at the check... |", ExploreCheck.scrub(
                "| Thread.start thread C at racecourse.grader.su... |"));
        assertEquals("thread C: waiting to lock Lazy#1", ExploreCheck.scrub("thread C (Thread-3): waiting to lock Lazy#1"));
        assertEquals("| read Bank.x at Bank.java:3 | write at Ba... |", ExploreCheck.scrub(
                "| read Bank.x at Bank.java:3 | write at Ba... |"));
    }
}
