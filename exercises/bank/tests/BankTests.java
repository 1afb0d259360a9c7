import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.api.Concurrently;
import racecourse.grader.api.Subject;

/** Visible tests of the bank exercise: the learner runs these inline with {@code Checks.run("bank", Bank.class)}. */
class BankTests {
    private final Subject<BankContract> bank = Subject.of(BankContract.class);

    @Test
    @DisplayName("a new account holds nothing, and then exactly what was deposited")
    void startsEmpty() {
        BankContract b = bank.create();
        assertEquals(0, b.balance(), "a new account");
        b.deposit(5);
        assertEquals(5, b.balance(), "after depositing 5 into a new account");
    }

    @Test
    @DisplayName("deposits add up")
    void depositsAddUp() {
        BankContract b = bank.create();
        b.deposit(100);
        b.deposit(23);
        assertEquals(123, b.balance());
    }

    @Test
    @DisplayName("a covered withdrawal returns true and takes the money out")
    void coveredWithdrawal() {
        BankContract b = bank.create();
        b.deposit(100);
        assertTrue(b.withdraw(60), "withdraw(60) from 100 should succeed");
        assertEquals(40, b.balance());
        assertTrue(b.withdraw(40), "withdrawing the whole balance should succeed");
        assertEquals(0, b.balance());
    }

    @Test
    @DisplayName("a withdrawal larger than the balance returns false and changes nothing")
    void shortWithdrawal() {
        BankContract b = bank.create();
        b.deposit(50);
        assertFalse(b.withdraw(51), "withdraw(51) from 50 should return false");
        assertEquals(50, b.balance(), "a refused withdrawal must leave the balance as it was");
        assertFalse(bank.create().withdraw(1), "withdrawing from an empty account should return false");
    }

    @Test
    @DisplayName("two accounts are independent")
    void independentAccounts() {
        BankContract a = bank.create();
        BankContract b = bank.create();
        a.deposit(10);
        assertEquals(10, a.balance(), "the account that was deposited into");
        assertEquals(0, b.balance(), "a deposit into one account changed another");
        b.deposit(3);
        assertEquals(10, a.balance(), "a deposit into the second account changed the first");
        assertEquals(3, b.balance(), "the second account");
    }

    // Budget: 2 threads x 20 000 deposits, up to 20 rounds, stopping at the first lost update
    // (a correct class runs all 20 rounds in well under a second; a racy one loses updates in the first rounds).
    @Test
    @DisplayName("two threads depositing at once lose nothing")
    void twoThreadsLoseNothing() {
        for (int round = 1; round <= 20; round++) {
            BankContract b = bank.create();
            Concurrently.run(2, Duration.ofSeconds(10), t -> {
                for (int i = 0; i < 20_000; i++) {
                    b.deposit(1);
                }
            });
            assertEquals(40_000, b.balance(), "round " + round + ": 2 threads deposited 1 twenty thousand times"
                    + " each, so the balance should be 40000; " + (40_000 - b.balance()) + " deposits were lost");
        }
    }
}
