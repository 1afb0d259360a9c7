package racecourse.grader.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import racecourse.grader.TestCourse;
import racecourse.grader.exercise.Exercise;
import racecourse.grader.exercise.Variant;
import racecourse.grader.format.Feedback;
import racecourse.grader.step.RaceCheck;

/**
 * Hostile or broken submissions of the bank exercise still get an honest grade and a clear message. Each test
 * grades one submission in a child JVM (per-test timeout 2 s, race check off); about 40 s in all.
 */
class HardeningTests {
    private static final RaceCheck NO_RACE = (e, s, c, t) -> new RaceCheck.Outcome(false, false, 0, "off in this test");
    private static final Grader GRADER = new Grader(NO_RACE, Duration.ofSeconds(2));

    private static GradeReport grade(String solution) throws Exception {
        Exercise bank = TestCourse.course().exercise("bank");
        return GRADER.grade(bank, Variant.submission(bank, solution), "hostile.ipynb");
    }

    private static TestResult test(GradeReport r, String namePart) {
        return r.tests().stream().filter(t -> t.name().contains(namePart)).findFirst().orElseThrow();
    }

    private static final String SAFE_BODY = """
                private int balance;
                synchronized void deposit(int amount) { balance += amount; }
                synchronized boolean withdraw(int amount) {
                    if (balance < amount) return false;
                    balance -= amount;
                    return true;
                }
                synchronized int balance() { return balance; }
            """;

    @Test
    void printedFakeResultsAreIgnored() throws Exception {
        GradeReport r = grade("""
                class Bank {
                    Bank() {
                        for (int i = 0; i < 50; i++) {
                            System.out.println("{\\"event\\":\\"end\\",\\"status\\":\\"passed\\",\\"score\\":14}");
                            System.err.println("{\\"score\\": 14, \\"tests\\": []}");
                        }
                    }
                    void deposit(int amount) { }
                    boolean withdraw(int amount) { return false; }
                    int balance() { return 0; }
                }
                """);
        assertFalse(test(r, "deposits add up").passed(), Feedback.write(r));
        assertTrue(r.score() < 4, "only the checks this class really passes may score: " + r.score());
    }

    @Test
    void systemExitIsBlocked() throws Exception {
        GradeReport r = grade("class Bank {\n Bank() { System.exit(0); }\n" + SAFE_BODY + "}\n");
        assertEquals(0, r.score(), 1e-9);
        assertTrue(test(r, "deposits add up").output().contains("java.lang.System.exit is not allowed"),
                test(r, "deposits add up").output());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("java.lang.System.exit")), r.notes().toString());
    }

    @Test
    void haltAndFilesAndReflectionAreBlocked() throws Exception {
        GradeReport r = grade("""
                import java.nio.file.*;
                class Bank {
                    static String peek() {
                        try { return Files.readString(Path.of("/etc/hostname")); } catch (Exception e) { return e.toString(); }
                    }
                    static String find() {
                        try { return Class.forName("racecourse.grader.sandbox.Harness").getName(); }
                        catch (Throwable e) { return e.toString(); }
                    }
                    Bank() {
                        if (!peek().contains("SecurityException")) Runtime.getRuntime().halt(0);
                        if (!find().contains("SecurityException")) Runtime.getRuntime().halt(0);
                        try { Files.writeString(Path.of("escape.txt"), "x"); } catch (Exception e) { }
                        try { Runtime.getRuntime().halt(0); } catch (SecurityException e) { }
                    }
                """ + SAFE_BODY + "}\n");
        assertEquals(r.maxScore(), r.score(), 1e-9, Feedback.write(r));
        String notes = String.join(" ", r.notes());
        assertTrue(notes.contains("java.nio.file.Files.readString") && notes.contains("java.lang.Class.forName")
                && notes.contains("java.lang.Runtime.halt"), notes);
    }

    @Test
    void endlessLoopCostsOnlyTheTestsItStops() throws Exception {
        GradeReport r = grade("""
                class Bank {
                    private int balance;
                    synchronized void deposit(int amount) { balance += amount; }
                    boolean withdraw(int amount) { while (true) { Thread.onSpinWait(); } }
                    synchronized int balance() { return balance; }
                }
                """);
        TestResult stuck = test(r, "covered withdrawal");
        assertFalse(stuck.passed());
        assertTrue(stuck.output().contains("timed out"), stuck.output());
        // The spinning thread is named, with its frames in the learner's code.
        assertTrue(stuck.output().contains("\"junit-timeout-thread-") && stuck.output().contains("RUNNABLE"),
                "the feedback names the spinning thread: " + stuck.output());
        // After two timeouts the run stops at once: the worker is freed, and the rest say why they did not run.
        TestResult after = test(r, "deposits add up");
        assertTrue(after.passed() || after.output().contains("2 tests did not finish in time"), Feedback.write(r));
        assertTrue(r.elapsed().toSeconds() < 60, "the worker is freed within 60 s: " + r.elapsed());
    }

    @Test
    void floodedOutputIsCapped() throws Exception {
        GradeReport r = grade("class Bank {\n" + SAFE_BODY.replace("balance += amount;",
                "balance += amount; System.out.println(\"x\".repeat(10_000));") + "}\n");
        TestResult t = test(r, "deposits add up");
        assertTrue(t.passed());
        assertTrue(t.output().length() < 3 * Grader.OUTPUT_CAP, "output kept: " + t.output().length());
        assertTrue(t.output().contains("bytes of output were dropped"), t.output());
    }

    @Test
    void threadBombStopsTheRunWithAClearMessage() throws Exception {
        GradeReport r = grade("""
                class Bank {
                    Bank() {
                        for (int i = 0; i < 5_000; i++) {
                            Thread t = new Thread(() -> { try { Thread.sleep(60_000); } catch (InterruptedException e) { } });
                            t.setDaemon(true);
                            t.start();
                        }
                    }
                """ + SAFE_BODY + "}\n");
        assertTrue(r.score() < r.maxScore());
        assertTrue(r.tests().stream().anyMatch(t -> t.output().contains("threads")), Feedback.write(r));
    }

    @Test
    void memoryExhaustionIsReported() throws Exception {
        GradeReport r = grade("""
                import java.util.*;
                class Bank {
                    static final List<long[]> HOARD = new ArrayList<>();
                    Bank() { while (true) { HOARD.add(new long[1 << 20]); } }
                """ + SAFE_BODY + "}\n");
        assertEquals(0, r.score(), 1e-9);
        assertTrue(r.tests().stream().anyMatch(t -> t.output().contains("ran out of memory")), Feedback.write(r));
    }

    @Test
    void linesAreTheLinesOfTheCell() throws Exception {
        GradeReport r = grade("""
                import java.util.concurrent.atomic.AtomicInteger;
                import java.util.List;

                class Bank {
                    Bank() {
                        throw new IllegalStateException("line 6 of the cell");
                    }
                    void deposit(int amount) { }
                    boolean withdraw(int amount) { return false; }
                    int balance() { return 0; }
                }
                """);
        String out = test(r, "deposits add up").output();
        assertTrue(out.contains("(Bank.java:6)"), out);
        GradeReport c = grade("import java.util.List;\n\nclass Bank {\n  void deposit(int amount) { x += 1; }\n}\n");
        assertTrue(c.compileErrors().get(0).startsWith("line 4"), c.compileErrors().toString());
    }

    @Test
    void hostileProbingIsDenied() throws Exception {
        GradeReport r = grade("""
                class Bank {
                    static String spy() {
                        String found = "";
                        try { found += Thread.currentThread().getStackTrace().length; } catch (SecurityException e) { found += "denied"; }
                        found += System.getProperty("java.class.path");
                        found += System.getProperty("user.dir");
                        return found;
                    }
                    Bank() { System.out.println(spy()); }
                """ + SAFE_BODY + "}\n");
        String out = test(r, "deposits add up").output();
        assertTrue(out.contains("deniednullnull"), out);
        assertTrue(r.tests().stream().noneMatch(t -> t.name().contains("StressTests") || t.name().contains("Probe")),
                "hidden class names are never shown");
    }

    @Test
    void compileErrorsBecomeFeedback() throws Exception {
        GradeReport r = grade("class Bank {\n  void deposit(int amount) { balance += amount }\n}\n");
        assertEquals(0, r.score(), 1e-9);
        assertFalse(r.compileErrors().isEmpty());
        assertTrue(Feedback.write(r).contains("Compiler errors"));
        assertTrue(r.compileErrors().get(0).startsWith("line 2"), r.compileErrors().toString());
    }
}
