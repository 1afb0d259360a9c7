import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.api.Concurrently;
import racecourse.grader.api.Points;
import racecourse.grader.api.Subject;

/** Visible tests of the welcome desk: the learner runs these inline with {@code Checks.run("welcome", WelcomeDesk.class)}. */
class WelcomeDeskTests {
    private final Subject<WelcomeDeskContract> desk = Subject.of(WelcomeDeskContract.class);

    @Test
    @DisplayName("a new customer gets the bonus of 100, once")
    void bonusOnce() {
        WelcomeDeskContract d = desk.create();
        assertTrue(d.open("ada"), "the first open(\"ada\") should return true");
        assertFalse(d.open("ada"), "a second open(\"ada\") should return false");
        assertEquals(100, d.balance("ada"), "ada should hold exactly one bonus");
    }

    @Test
    @DisplayName("a customer without an account has a balance of 0, and opening one pays the bonus")
    void unknownIsZero() {
        WelcomeDeskContract d = desk.create();
        assertEquals(0, d.balance("nobody"));
        assertTrue(d.open("somebody"), "opening a new account returns true");
        assertEquals(100, d.balance("somebody"), "a new account holds the bonus of 100");
        assertEquals(0, d.balance("nobody"), "opening one account changed another customer's balance");
    }

    @Test
    @DisplayName("deposits add to an open account")
    void depositsAdd() {
        WelcomeDeskContract d = desk.create();
        d.open("bob");
        d.deposit("bob", 5);
        d.deposit("bob", 7);
        assertEquals(112, d.balance("bob"));
    }

    @Test
    @DisplayName("a deposit to an account that was never opened is refused and opens nothing")
    void depositNeedsAccount() {
        WelcomeDeskContract d = desk.create();
        assertThrows(IllegalArgumentException.class, () -> d.deposit("eve", 10),
                "deposit to an unopened account should throw IllegalArgumentException");
        assertEquals(0, d.balance("eve"), "a refused deposit must not create an account");
        assertTrue(d.open("eve"), "eve can still open her account afterwards");
        assertEquals(100, d.balance("eve"));
    }

    // Budget: 2 threads opening the same 1 000 names, up to 20 rounds, stopping at the first double payment.
    @Test
    @Points(2)
    @DisplayName("two clerks opening the same accounts at once pay each bonus once")
    void twoClerks() {
        for (int round = 1; round <= 20; round++) {
            WelcomeDeskContract d = desk.create();
            AtomicIntegerArray paid = new AtomicIntegerArray(1_000);
            Concurrently.run(2, Duration.ofSeconds(10), t -> {
                for (int i = 0; i < 1_000; i++) {
                    if (d.open("customer-" + i)) paid.incrementAndGet(i);
                }
            });
            for (int i = 0; i < 1_000; i++) {
                String name = "customer-" + i;
                assertEquals(1, paid.get(i), "round " + round + ": open(\"" + name + "\") returned true "
                        + paid.get(i) + " times; exactly one clerk should win");
                assertEquals(100, d.balance(name), "round " + round + ": " + name + " should hold one bonus");
            }
        }
    }
}
