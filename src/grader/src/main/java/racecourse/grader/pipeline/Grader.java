package racecourse.grader.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import racecourse.grader.exercise.Exercise;
import racecourse.grader.format.Notebook;
import racecourse.grader.sandbox.AotCache;
import racecourse.grader.sandbox.ChildJvm;
import racecourse.grader.sandbox.Job;
import racecourse.grader.sandbox.Rewriter;
import racecourse.grader.step.CheckCodeRules;
import racecourse.grader.step.CompileInChild;
import racecourse.grader.step.CompileJava;
import racecourse.grader.step.ExploreCheck;
import racecourse.grader.step.ExtractSolution;
import racecourse.grader.step.RaceCheck;

/**
 * Grades one submitted notebook: extract the solution cells, compile them, check the code rules, rewrite the classes
 * for the sandbox, run the tests and then the explored checks in one child JVM, run the race check, and score every
 * check, all within the grading's time budget.
 *
 * <p>Every number in the report is computed here, in the grader process, from the test list the grader discovered
 * and the signed reports of the child; a test the child did not report counts as failed. Thread-safe: the per-
 * exercise test suites are cached in a concurrent map, and each grading uses its own child JVM.
 */
public final class Grader {
    /** Bytes of a submission's output kept per test. */
    public static final int OUTPUT_CAP = 4 * 1024;

    private final Map<Path, TestSuite> suites = new ConcurrentHashMap<>();
    /** The name prefix of a test shown as evidence only. */
    public static final String EVIDENCE = "Stress evidence (not scored): ";

    private final RaceCheck race;
    private final Duration testTimeoutOverride;
    private final boolean evidence;

    /** A grader using the given race check (see {@link racecourse.grader.step.DetectorRaceCheck}). */
    public Grader(RaceCheck race) {
        this(race, null);
    }

    /** A grader whose per-test timeout is {@code testTimeoutOverride} instead of the exercise's (for tests). */
    public Grader(RaceCheck race, Duration testTimeoutOverride) {
        this(race, testTimeoutOverride, false);
    }

    /**
     * As above; with {@code evidence} the schedule-dependent (stress) tests run too and are shown, never scored.
     * Without it they do not run, so a grading reads the same every time.
     */
    public Grader(RaceCheck race, Duration testTimeoutOverride, boolean evidence) {
        this.race = race;
        this.testTimeoutOverride = testTimeoutOverride;
        this.evidence = evidence;
    }

    /** The exercise's compiled tests, compiled on first use. */
    public TestSuite suite(Exercise exercise) throws IOException {
        TestSuite s = suites.get(exercise.dir());
        if (s == null) {
            s = TestSuite.load(exercise);
            suites.put(exercise.dir(), s);
        }
        return s;
    }

    /**
     * Records the AOT class caches of this exercise's child JVMs when one is missing, by grading the exercise's own
     * reference solution (trusted code: a learner's submission never records a cache). Later gradings start their
     * children from the caches, which saves part of each JVM start and changes nothing else. Returns whether it
     * graded the reference.
     */
    public boolean warmUp(Exercise exercise) throws Exception {
        List<java.nio.file.Path> caches = new ArrayList<>();
        caches.add(new ChildJvm(CompileInChild.DEFAULT_HEAP_MB, exercise.compileTimeout(), List.of())
                .cacheFile("compile"));
        caches.add(new ChildJvm(exercise.heapMb(), exercise.totalTimeout(), List.of()).cacheFile("tests"));
        if (caches.contains(null) || AotCache.ready(caches)) {
            return false;
        }
        // The race detector's child runs without a cache, so the training grading leaves the race check out.
        Grader trainer = new Grader((e, s, c, t) -> new RaceCheck.Outcome(false, false, 0, "not needed here"),
                testTimeoutOverride, evidence);
        trainer.suites.putAll(suites);
        AotCache.train(() -> trainer.grade(exercise, exercise.notebook()));
        return true;
    }

    /** Grades a submission file. A file that is not a notebook gets a zero with a clear message. */
    public GradeReport grade(Exercise exercise, Path submission) throws IOException, InterruptedException {
        String name = submission.getFileName().toString();
        Notebook notebook;
        try {
            notebook = Notebook.read(submission);
        } catch (IllegalArgumentException | IOException e) {
            return failAll(exercise, name, "The submission could not be read: " + e.getMessage(), List.of(),
                    List.of(), Duration.ZERO);
        }
        return grade(exercise, notebook, name);
    }

    /** Grades a submission already read. */
    public GradeReport grade(Exercise exercise, Notebook submission, String name)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        TestSuite suite = suite(exercise);
        Set<String> gradeIds = new LinkedHashSet<>();
        for (Notebook.Cell c : exercise.readNotebook().cells()) {
            if (c.isSolution() && c.gradeId() != null) {
                gradeIds.add(c.gradeId());
            }
        }
        ExtractSolution.Extracted code = ExtractSolution.extract(submission, gradeIds, exercise.className());
        List<String> notes = new ArrayList<>(code.notes());
        notes.addAll(lockedCellNotes(exercise.readNotebook(), submission));
        if (code.cells() == 0) {
            return failAll(exercise, name, "No solution cell was found: the submission has no cell with grade_id "
                    + gradeIds + " and no cell that declares class " + exercise.className() + ".", List.of(),
                    notes, elapsed(start));
        }
        // No child JVM of this grading runs past its budget (timeout.grading.seconds), whatever the submission does.
        long deadline = start + exercise.gradingTimeout().toNanos();
        CompileJava.Output compiled = CompileInChild.compile(Map.of(exercise.className() + ".java", code.unit()),
                atMost(exercise.compileTimeout(), deadline), CompileInChild.DEFAULT_HEAP_MB);
        if (!compiled.ok()) {
            List<String> errors = new ArrayList<>();
            for (String e : compiled.errors()) {
                errors.add(relocate(e, code.headerLines()));
            }
            String why = errors.size() == 1 && errors.get(0).startsWith("compilation took longer")
                    ? "Your code could not be compiled in time, so no test could run."
                    : "Your code did not compile, so no test could run. Fix the errors below (line numbers count "
                    + "from the first line of your solution cell).";
            return failAll(exercise, name, why, errors, notes, elapsed(start));
        }
        if (!compiled.classes().containsKey(exercise.className())) {
            notes.add("Your solution defines no top-level class named " + exercise.className()
                    + "; the tests look for exactly that name.");
        }
        for (String c : compiled.classes().keySet()) {
            if (c.contains(".")) {
                return failAll(exercise, name, "Your solution declares class " + c + " in a package; solution "
                        + "classes must not declare a package.", List.of(), notes, elapsed(start));
            }
        }
        List<CheckCodeRules.Finding> findings = CheckCodeRules.check(exercise.codeRules(), compiled.classes(),
                code.headerLines());
        Rewriter rewriter = new Rewriter(compiled.classes().keySet(), code.headerLines());
        Map<String, byte[]> rewritten = rewriter.rewrite(compiled.classes());
        if (!rewriter.blocked().isEmpty()) {
            notes.add("Your code uses APIs the grader blocks, so those calls throw a SecurityException: "
                    + String.join(", ", rewriter.blocked()) + ".");
        }
        Duration testTimeout = testTimeoutOverride != null ? testTimeoutOverride : exercise.testTimeout();
        // One child JVM runs the deterministic tests and then the explored checks (a JVM start fewer per grading);
        // its time limit is the sum of both parts' limits.
        ExploreCheck.Plan plan = ExploreCheck.plan(exercise, suite);
        List<String> selected = new ArrayList<>(suite.toRun(evidence).stream().map(TestSuite.TestCase::selector)
                .toList());
        selected.addAll(plan.selected());
        Duration limit = atMost(plan.checks().isEmpty() ? exercise.totalTimeout()
                : exercise.totalTimeout().plus(plan.timeout()), deadline);
        Job job = new Job(ChildJvm.newNonce(), (int) testTimeout.toMillis(), OUTPUT_CAP, exercise.maxThreads(),
                rewritten, suite.classes(), Map.of(exercise.className(), exercise.className()), selected);
        ChildJvm.Result run = new ChildJvm(exercise.heapMb(), limit, List.of()).run(job);
        List<TestResult> results = new ArrayList<>();
        List<TestResult> tests = score(exercise, suite, run, evidence, limit);
        // Rules and the race check reward a working class: a stub that passes no test earns nothing from them.
        boolean works = tests.stream().anyMatch(t -> t.passed() && t.maxScore() > 0);
        String notYet = "Not credited yet: no test passed, so this check earns nothing until the class works.";
        for (CheckCodeRules.Finding f : findings) {
            boolean ok = f.passed() && works;
            String why = !f.passed() ? f.rule().message() + "\nFound: " + String.join("; ", f.uses())
                    : works ? "" : notYet;
            results.add(new TestResult("Code rule: " + f.rule().id(), ok ? f.rule().points() : 0, f.rule().points(),
                    ok, why, "visible"));
        }
        results.addAll(tests);
        // The concurrency checks, scored under the schedule explorer with the exercise's seeds and budgets.
        ExploreCheck.Outcome explored = ExploreCheck.score(plan, run.reports(), stopReason(exercise, run, limit));
        results.addAll(explored.results());
        String raceReport = "";
        if (exercise.racePoints() > 0 && exercise.raceTest() != null) {
            Duration left = atMost(exercise.gradingTimeout(), deadline);
            RaceCheck.Outcome r = left.toMillis() < 1000
                    ? new RaceCheck.Outcome(true, false, 0, "not run: the grading's time budget of "
                            + exercise.gradingTimeout().toSeconds() + " s was used up by the steps before it")
                    : race.run(exercise, suite, rewritten, testTimeout, left);
            raceReport = r.report();
            if (!r.ran()) {
                results.add(new TestResult("Race detector: no data race", 0, 0, false,
                        "Not checked, not scored: " + r.report(), "visible"));
                raceReport = "";
            } else if (r.races() > 0) {
                // The report is shown once, in its own section of the feedback.
                results.add(new TestResult("Race detector: no data race", 0, exercise.racePoints(), false,
                        "The race detector found " + r.races() + " data race(s): see the race detector report.",
                        "visible"));
            } else {
                boolean clean = r.complete() && works;
                results.add(new TestResult("Race detector: no data race", clean ? exercise.racePoints() : 0,
                        exercise.racePoints(), clean, !r.complete() ? "Not credited: " + r.report()
                                : works ? "" : notYet, "visible"));
                raceReport = "";
            }
        }
        GradeReport partial = new GradeReport(exercise.name(), name, results, "", List.of(), notes, raceReport,
                elapsed(start));
        return new GradeReport(exercise.name(), name, results, summary(partial), List.of(), notes, raceReport,
                elapsed(start), explored.seeds());
    }

    /**
     * Notes for the instructor's locked cells (nbgrader {@code locked: true}) that the submission changed or lost:
     * the grader never runs them from the submission, so an edit changes nothing, and the feedback says so.
     */
    static List<String> lockedCellNotes(Notebook instructor, Notebook submission) {
        Map<String, String> submitted = new HashMap<>();
        for (Notebook.Cell c : submission.cells()) {
            if (c.gradeId() != null) {
                submitted.putIfAbsent(c.gradeId(), c.source());
            }
        }
        List<String> notes = new ArrayList<>();
        for (Notebook.Cell c : instructor.cells()) {
            if (c.gradeId() == null || !Boolean.TRUE.equals(c.nbgrader().get("locked"))) {
                continue;
            }
            String theirs = submitted.get(c.gradeId());
            if (theirs == null) {
                notes.add("The locked cell " + c.gradeId() + " is missing or its grade id was changed; it was "
                        + "graded from the instructor's locked source.");
            } else if (!theirs.strip().equals(c.source().strip())) {
                notes.add("The locked cell " + c.gradeId() + " was edited; it was graded from the instructor's "
                        + "locked source, so the edit changes nothing.");
            }
        }
        return notes;
    }

    private static List<TestResult> score(Exercise exercise, TestSuite suite, ChildJvm.Result run,
            boolean evidence, Duration limit) {
        Map<String, Map<String, Object>> ends = new HashMap<>();
        Map<String, String> containers = new HashMap<>();
        String lastStarted = null;
        String abort = null;
        boolean done = false;
        for (Map<String, Object> r : run.reports()) {
            String event = String.valueOf(r.get("event"));
            switch (event) {
                case "start" -> lastStarted = String.valueOf(r.get("id"));
                case "end" -> ends.putIfAbsent(String.valueOf(r.get("id")), r);
                case "container" -> containers.put(String.valueOf(r.get("id")), String.valueOf(r.get("message")));
                case "abort" -> abort = abort == null ? String.valueOf(r.get("reason")) : abort;
                case "done" -> done = true;
                default -> { }
            }
        }
        String why = stopReason(exercise, run, abort, done, limit);
        List<TestResult> results = new ArrayList<>();
        for (TestSuite.TestCase t : suite.toRun(evidence)) {
            String visibility = t.hidden() ? "after_published" : "visible";
            String shown = t.scored() ? t.name() : EVIDENCE + t.name();
            Map<String, Object> end = ends.get(t.id());
            if (end != null) {
                boolean passed = "passed".equals(end.get("status"));
                String output = String.valueOf(end.getOrDefault("message", ""));
                String printed = String.valueOf(end.getOrDefault("output", ""));
                if (!printed.isBlank()) {
                    output = (output.isBlank() ? "" : output + "\n") + "Your code printed:\n" + printed;
                }
                results.add(new TestResult(shown, passed ? t.points() : 0, t.points(), passed, output,
                        visibility));
                continue;
            }
            String reason;
            String container = containers.entrySet().stream().filter(e -> t.id().startsWith(e.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (container != null) {
                reason = "Not run: setting up the test class failed: " + container;
            } else if (t.id().equals(lastStarted)) {
                reason = "Failed: this test was running when " + why;
            } else {
                reason = "Not run: " + why;
            }
            results.add(new TestResult(shown, 0, t.points(), false, reason, visibility));
        }
        return results;
    }

    /** Why the run stopped, read from its reports and its end, for checks it did not report. */
    private static String stopReason(Exercise exercise, ChildJvm.Result run, Duration limit) {
        String abort = null;
        boolean done = false;
        for (Map<String, Object> r : run.reports()) {
            String event = String.valueOf(r.get("event"));
            if (event.equals("abort") && abort == null) {
                abort = String.valueOf(r.get("reason"));
            } else if (event.equals("done")) {
                done = true;
            }
        }
        return stopReason(exercise, run, abort, done, limit);
    }

    private static String stopReason(Exercise exercise, ChildJvm.Result run, String abort, boolean done,
            Duration limit) {
        if (abort != null) {
            return abort;
        }
        if (run.timedOut()) {
            return "the test run took longer than " + limit.toSeconds()
                    + " s in total and was stopped (an endless loop, a deadlock or a very slow solution?)";
        }
        String err = run.stderr();
        if (err.contains("OutOfMemoryError")) {
            String kind = err.contains("unable to create native thread") ? "too many threads"
                    : "heap limit " + exercise.heapMb() + " MB";
            return "the test JVM ran out of memory (" + kind + ") and stopped";
        }
        if (done) {
            return "the test run ended before this test was reported";
        }
        return "the test JVM stopped unexpectedly (exit status " + run.exitCode() + ")"
                + (err.isBlank() ? "" : ": " + err.strip().lines().limit(5).reduce((a, b) -> a + "\n" + b)
                        .orElse(""));
    }

    private GradeReport failAll(Exercise exercise, String name, String summary, List<String> compileErrors,
            List<String> notes, Duration elapsed) throws IOException {
        TestSuite suite = suite(exercise);
        List<TestResult> results = new ArrayList<>();
        for (Exercise.CodeRule rule : exercise.codeRules()) {
            results.add(new TestResult("Code rule: " + rule.id(), 0, rule.points(), false,
                    "Not checked: " + summary, "visible"));
        }
        for (TestSuite.TestCase t : suite.toRun(false)) {
            results.add(new TestResult(t.name(), 0, t.points(), false, "Not run: " + summary,
                    t.hidden() ? "after_published" : "visible"));
        }
        for (ExploreCheck.Check c : ExploreCheck.checks(exercise)) {
            results.add(new TestResult("Explored: " + c.title(), 0, c.points(), false, "Not run: " + summary,
                    "visible"));
        }
        if (exercise.racePoints() > 0 && exercise.raceTest() != null) {
            results.add(new TestResult("Race detector: no data race", 0, exercise.racePoints(), false,
                    "Not run: " + summary, "visible"));
        }
        return new GradeReport(exercise.name(), name, results, summary, compileErrors, notes, "", elapsed);
    }

    private static String summary(GradeReport r) {
        long failed = r.tests().stream().filter(t -> !t.passed() && t.maxScore() > 0).count();
        String score = Format.points(r.score()) + " of " + Format.points(r.maxScore()) + " points";
        if (failed == 0) {
            return "All checks passed: " + score + ".";
        }
        return failed + " check" + (failed == 1 ? "" : "s") + " failed: " + score
                + ". Each failed check below says what went wrong.";
    }

    private static String relocate(String error, int headerLines) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^([^:]+\\.java):(\\d+): ").matcher(error);
        if (m.find()) {
            int line = Integer.parseInt(m.group(2)) - headerLines;
            return "line " + line + ": " + error.substring(m.end());
        }
        return error;
    }

    /** {@code limit}, or less when the grading's {@code deadline} (a {@link System#nanoTime} value) comes first. */
    private static Duration atMost(Duration limit, long deadline) {
        Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
        return left.compareTo(limit) < 0 ? left : limit;
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
