package racecourse.grader.inline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import racecourse.grader.TestCourse;

/** The in-notebook check runs the visible tests on a class passed in, as a JShell cell would. */
class ChecksTests {
    /** A correct bank, standing in for one defined in a notebook cell. */
    static final class Bank {
        private int balance; // guarded by this

        synchronized void deposit(int amount) {
            balance += amount;
        }

        synchronized boolean withdraw(int amount) {
            if (balance < amount) {
                return false;
            }
            balance -= amount;
            return true;
        }

        synchronized int balance() {
            return balance;
        }
    }

    /** The released stub. */
    static final class StubBank {
        void deposit(int amount) {
            throw new UnsupportedOperationException("exercise: write this");
        }

        boolean withdraw(int amount) {
            throw new UnsupportedOperationException("exercise: write this");
        }

        int balance() {
            throw new UnsupportedOperationException("exercise: write this");
        }
    }

    @Test
    void correctClassPassesEveryVisibleTest() throws Exception {
        CheckReport r = Checks.run(TestCourse.course().root(), "bank", Bank.class);
        assertTrue(r.allPassed(), r.text());
        assertEquals(6, r.rows().size());
        assertTrue(r.toMimeBundle().data().get("text/html").contains("<table>"));
        assertFalse(r.text().contains("overdraw"), "hidden tests must not run inline");
    }

    @Test
    void stubFailsWithTheReason() throws Exception {
        CheckReport r = Checks.run(TestCourse.course().root(), "bank", StubBank.class);
        assertEquals(0, r.passed(), r.text());
        assertTrue(r.text().contains("exercise: write this"), r.text());
    }

    @Test
    void unknownExerciseIsAMessageNotACrash() {
        CheckReport r = Checks.run("no-such-exercise", Bank.class);
        assertFalse(r.allPassed());
        assertTrue(r.problem().contains("no-such-exercise") || r.problem().contains("course"), r.problem());
    }
}
