import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.api.Concurrently;
import racecourse.grader.api.Points;
import racecourse.grader.api.Subject;

/** Hidden stress checks of the welcome desk; each counts violations exactly and stops at the first bad round. */
class WelcomeDeskStressTests {
    private final Subject<WelcomeDeskContract> desk = Subject.of(WelcomeDeskContract.class);

    // Budget: 4 threads opening the same 2 000 names, up to 10 rounds.
    @Test
    @Points(2)
    @DisplayName("four clerks opening the same accounts pay each bonus exactly once")
    void fourClerks() {
        for (int round = 1; round <= 10; round++) {
            WelcomeDeskContract d = desk.create();
            AtomicIntegerArray paid = new AtomicIntegerArray(2_000);
            Concurrently.run(4, Duration.ofSeconds(20), t -> {
                for (int i = 0; i < 2_000; i++) {
                    int k = (i + 500 * t) % 2_000;
                    if (d.open("c" + k)) paid.incrementAndGet(k);
                }
            });
            for (int k = 0; k < 2_000; k++) {
                assertEquals(1, paid.get(k), "round " + round + ": open(\"c" + k + "\") returned true " + paid.get(k) + " times");
                assertEquals(100, d.balance("c" + k), "round " + round + ": c" + k + " should hold one bonus");
            }
        }
    }

    // Budget: 4 threads x 20 000 deposits of 1 into one account, up to 10 rounds.
    @Test
    @Points(2)
    @DisplayName("deposits from four threads into one account are never lost")
    void noLostDeposits() {
        for (int round = 1; round <= 10; round++) {
            WelcomeDeskContract d = desk.create();
            d.open("shared");
            Concurrently.run(4, Duration.ofSeconds(20), t -> {
                for (int i = 0; i < 20_000; i++) d.deposit("shared", 1);
            });
            assertEquals(100 + 80_000, d.balance("shared"), "round " + round + ": "
                    + (100 + 80_000 - d.balance("shared")) + " of 80000 deposits were lost");
        }
    }

    // Budget: 4 threads each opening 5 000 names of their own, up to 30 rounds.
    @Test
    @Points(2)
    @DisplayName("many new customers at once: no account goes missing")
    void noLostAccounts() {
        for (int round = 1; round <= 30; round++) {
            WelcomeDeskContract d = desk.create();
            LongAdder opened = new LongAdder();
            Concurrently.run(4, Duration.ofSeconds(20), t -> {
                for (int i = 0; i < 5_000; i++) {
                    if (d.open("t" + t + "-" + i)) opened.increment();
                }
            });
            assertEquals(20_000, opened.sum(), "round " + round + ": every one of the 20000 distinct names is new");
            int missing = 0;
            for (int t = 0; t < 4; t++) {
                for (int i = 0; i < 5_000; i++) if (d.balance("t" + t + "-" + i) != 100) missing++;
            }
            assertEquals(0, missing, "round " + round + ": " + missing + " accounts that were opened have no bonus");
        }
    }
}
