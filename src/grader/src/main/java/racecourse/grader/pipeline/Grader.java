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
import racecourse.grader.sandbox.ChildJvm;
import racecourse.grader.sandbox.Job;
import racecourse.grader.sandbox.Rewriter;
import racecourse.grader.step.CheckCodeRules;
import racecourse.grader.step.CompileJava;
import racecourse.grader.step.ExtractSolution;
import racecourse.grader.step.RaceCheck;

/**
 * Grades one submitted notebook: extract the solution cells, compile them, check the code rules, rewrite the classes
 * for the sandbox, run the tests in a child JVM, run the race check, and score every check.
 *
 * <p>Every number in the report is computed here, in the grader process, from the test list the grader discovered
 * and the signed reports of the child; a test the child did not report counts as failed. Thread-safe: the per-
 * exercise test suites are cached in a concurrent map, and each grading uses its own child JVM.
 */
public final class Grader {
    /** Bytes of a submission's output kept per test. */
    public static final int OUTPUT_CAP = 4 * 1024;

    private final Map<Path, TestSuite> suites = new ConcurrentHashMap<>();
    private final RaceCheck race;
    private final Duration testTimeoutOverride;

    /** A grader using the given race check (see {@link racecourse.grader.step.DetectorRaceCheck}). */
    public Grader(RaceCheck race) {
        this(race, null);
    }

    /** A grader whose per-test timeout is {@code testTimeoutOverride} instead of the exercise's (for tests). */
    public Grader(RaceCheck race, Duration testTimeoutOverride) {
        this.race = race;
        this.testTimeoutOverride = testTimeoutOverride;
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
        if (code.cells() == 0) {
            return failAll(exercise, name, "No solution cell was found: the submission has no cell with grade_id "
                    + gradeIds + " and no cell that declares class " + exercise.className() + ".", List.of(),
                    notes, elapsed(start));
        }
        CompileJava.Output compiled = CompileJava.compile(Map.of(exercise.className() + ".java", code.unit()), "");
        if (!compiled.ok()) {
            List<String> errors = new ArrayList<>();
            for (String e : compiled.errors()) {
                errors.add(relocate(e, code.headerLines()));
            }
            return failAll(exercise, name, "Your code did not compile, so no test could run. Fix the errors below "
                    + "(line numbers count from the first line of your solution cell).", errors, notes,
                    elapsed(start));
        }
        if (!compiled.classes().containsKey(exercise.className())) {
            notes.add("Your solution defines no top-level class named " + exercise.className()
                    + "; the tests look for exactly that name.");
        }
        List<CheckCodeRules.Finding> findings = CheckCodeRules.check(exercise.codeRules(), compiled.classes());
        Rewriter rewriter = new Rewriter(compiled.classes().keySet());
        Map<String, byte[]> rewritten = rewriter.rewrite(compiled.classes());
        if (!rewriter.blocked().isEmpty()) {
            notes.add("Your code uses APIs the grader blocks, so those calls throw a SecurityException: "
                    + String.join(", ", rewriter.blocked()) + ".");
        }
        Duration testTimeout = testTimeoutOverride != null ? testTimeoutOverride : exercise.testTimeout();
        Job job = new Job(ChildJvm.newNonce(), (int) testTimeout.toMillis(), OUTPUT_CAP, exercise.maxThreads(),
                rewritten, suite.classes(), Map.of(exercise.className(), exercise.className()), suite.selected());
        ChildJvm.Result run = new ChildJvm(exercise.heapMb(), exercise.totalTimeout(), List.of()).run(job);
        List<TestResult> results = new ArrayList<>();
        List<TestResult> tests = score(exercise, suite, run);
        // Rules and the race check reward a working class: a stub that passes no test earns nothing from them.
        boolean works = tests.stream().anyMatch(TestResult::passed);
        String notYet = "Not credited yet: no test passed, so this check earns nothing until the class works.";
        for (CheckCodeRules.Finding f : findings) {
            boolean ok = f.passed() && works;
            String why = !f.passed() ? f.rule().message() + "\nFound: " + String.join("; ", f.uses())
                    : works ? "" : notYet;
            results.add(new TestResult("Code rule: " + f.rule().id(), ok ? f.rule().points() : 0, f.rule().points(),
                    ok, why, "visible"));
        }
        results.addAll(tests);
        String raceReport = "";
        if (exercise.racePoints() > 0 && exercise.raceTest() != null) {
            RaceCheck.Outcome r = race.run(exercise, suite, rewritten, testTimeout);
            raceReport = r.report();
            if (!r.ran()) {
                results.add(new TestResult("Race detector: no data race", 0, 0, false,
                        "Not checked, not scored: " + r.report(), "visible"));
                raceReport = "";
            } else {
                boolean clean = r.races() == 0 && works;
                results.add(new TestResult("Race detector: no data race", clean ? exercise.racePoints() : 0,
                        exercise.racePoints(), clean, r.races() > 0 ? r.report() : works ? "" : notYet, "visible"));
            }
        }
        GradeReport partial = new GradeReport(exercise.name(), name, results, "", List.of(), notes, raceReport,
                elapsed(start));
        return new GradeReport(exercise.name(), name, results, summary(partial), List.of(), notes, raceReport,
                elapsed(start));
    }

    private static List<TestResult> score(Exercise exercise, TestSuite suite, ChildJvm.Result run) {
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
        String why = stopReason(exercise, run, abort, done);
        List<TestResult> results = new ArrayList<>();
        for (TestSuite.TestCase t : suite.cases()) {
            String visibility = t.hidden() ? "after_published" : "visible";
            Map<String, Object> end = ends.get(t.id());
            if (end != null) {
                boolean passed = "passed".equals(end.get("status"));
                String output = String.valueOf(end.getOrDefault("message", ""));
                String printed = String.valueOf(end.getOrDefault("output", ""));
                if (!printed.isBlank()) {
                    output = (output.isBlank() ? "" : output + "\n") + "Your code printed:\n" + printed;
                }
                results.add(new TestResult(t.name(), passed ? t.points() : 0, t.points(), passed, output,
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
            results.add(new TestResult(t.name(), 0, t.points(), false, reason, visibility));
        }
        return results;
    }

    private static String stopReason(Exercise exercise, ChildJvm.Result run, String abort, boolean done) {
        if (abort != null) {
            return abort;
        }
        if (run.timedOut()) {
            return "the test run took longer than " + exercise.totalTimeout().toSeconds()
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
        for (TestSuite.TestCase t : suite.cases()) {
            results.add(new TestResult(t.name(), 0, t.points(), false, "Not run: " + summary,
                    t.hidden() ? "after_published" : "visible"));
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

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
