package racecourse.grader.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import racecourse.grader.TestCourse;
import racecourse.grader.exercise.Course;
import racecourse.grader.exercise.Exercise;
import racecourse.grader.exercise.Variant;
import racecourse.grader.step.DetectorRaceCheck;

/**
 * Hostile submissions graded with the exercise's real limits (no shortened timeouts) and the real race check: each
 * frees its grading worker within 60 s and earns nothing for the checks it hangs. Two gradings run at once, as
 * {@code grade-all --jobs 2} runs them.
 */
class WorkerTimeTests {
    private static final Course COURSE = TestCourse.course();

    private static final Map<String, String> HOSTILE = new LinkedHashMap<>();

    static {
        HOSTILE.put("an endless loop in the constructor", """
                class Bank {
                    private int balance;
                    Bank() { while (true) { balance++; } }
                    synchronized void deposit(int amount) { balance += amount; }
                    synchronized boolean withdraw(int amount) { return false; }
                    synchronized int balance() { return balance; }
                }
                """);
        HOSTILE.put("a livelock: every call spins, yielding, for a turn that never comes", """
                class Bank {
                    private volatile boolean turn;
                    private int balance;
                    private void await() { while (!turn) { Thread.yield(); Thread.onSpinWait(); } }
                    void deposit(int amount) { await(); balance += amount; }
                    boolean withdraw(int amount) { await(); return false; }
                    int balance() { await(); return balance; }
                }
                """);
        HOSTILE.put("a thread bomb in every call", """
                class Bank {
                    private int balance;
                    private static void bomb() {
                        while (true) {
                            try {
                                new Thread(() -> { while (true) { Thread.onSpinWait(); } }).start();
                            } catch (Throwable t) {
                                // keep trying
                            }
                        }
                    }
                    void deposit(int amount) { bomb(); }
                    boolean withdraw(int amount) { bomb(); return false; }
                    int balance() { return balance; }
                }
                """);
        HOSTILE.put("a loop with no field access, which no schedule can interrupt, in one method only", """
                class Bank {
                    private int balance;
                    synchronized void deposit(int amount) { balance += amount; }
                    boolean withdraw(int amount) { long n = 0; while (n >= 0) { n = n * 1 + 1 - 1; } return false; }
                    synchronized int balance() { return balance; }
                }
                """);
    }

    @Test
    void aHostileSubmissionFreesItsWorkerWithinSixtySeconds() throws Exception {
        Exercise bank = COURSE.exercise("bank");
        Grader grader = new Grader(new DetectorRaceCheck(COURSE.root()));
        grader.suite(bank);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<GradeReport>> reports = new ArrayList<>();
            for (Map.Entry<String, String> e : HOSTILE.entrySet()) {
                reports.add(pool.submit(() -> grader.grade(bank, Variant.submission(bank, e.getValue()),
                        "hostile.ipynb")));
            }
            int i = 0;
            for (Map.Entry<String, String> e : HOSTILE.entrySet()) {
                GradeReport r = reports.get(i++).get();
                System.out.printf(java.util.Locale.ROOT, "%s: %.1f s, %s of %s points%n", e.getKey(),
                        r.elapsed().toMillis() / 1000.0, Format.points(r.score()), Format.points(r.maxScore()));
                assertTrue(r.elapsed().toSeconds() < 60, () -> e.getKey() + ": held its worker for " + r.elapsed());
                assertTrue(r.score() < r.maxScore(), () -> e.getKey() + ": scored full marks");
                if (e.getKey().startsWith("an endless loop") || e.getKey().startsWith("a livelock")) {
                    assertEquals(0, r.score(), 1e-9, () -> e.getKey() + " earned points:\n"
                            + racecourse.grader.format.Feedback.write(r));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
