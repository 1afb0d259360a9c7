import static org.junit.jupiter.api.Assertions.assertEquals;

import racecourse.explore.Explore;
import racecourse.grader.api.Subject;

/**
 * Hidden concurrency checks of the bank exercise, each run under the schedule explorer (exercise.properties names
 * the strategy, seed and budget). Each method returns a program: a fresh account, its threads, and an
 * {@code after} that asserts what every interleaving of a correct class gives. The threads make only the calls the
 * notebook replay line makes, so a witness schedule replays step for step on the learner's own class.
 */
class BankExploreChecks {
    /** Two threads each withdraw 60 from 100: exactly one succeeds, so the balance ends at 40 (never below 0). */
    static Explore<BankContract> overdraft() {
        return Explore.of(() -> {
            BankContract b = Subject.of(BankContract.class).create();
            b.deposit(100);
            return b;
        }).thread(b -> b.withdraw(60))
                .thread(b -> b.withdraw(60))
                .after(b -> {
                    int end = b.balance();
                    assertEquals(40, end, "two threads each withdrew 60 from 100 at once: exactly one withdrawal"
                            + " should succeed and leave 40, but the balance is " + end + (end < 0
                            ? " (both passed the check before either took the money: check and withdrawal must be"
                            + " one step)" : ""));
                    return end;
                });
    }

    /** A deposit of 50 and a withdrawal of 30 at once on 100: the balance ends at 120, nothing lost. */
    static Explore<BankContract> depositAndWithdraw() {
        return Explore.of(() -> {
            BankContract b = Subject.of(BankContract.class).create();
            b.deposit(100);
            return b;
        }).thread(b -> b.deposit(50))
                .thread(b -> b.withdraw(30))
                .after(b -> {
                    int end = b.balance();
                    assertEquals(120, end, "100, then a deposit of 50 and a withdrawal of 30 at the same time: the"
                            + " balance should be 120, but it is " + end + " (an update was lost)");
                    return end;
                });
    }
}
