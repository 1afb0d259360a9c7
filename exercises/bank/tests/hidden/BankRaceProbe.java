import java.time.Duration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import org.junit.jupiter.api.Test;
import racecourse.grader.api.Concurrently;
import racecourse.grader.api.Subject;

/**
 * The workload the race detector watches: two threads use one account. Not scored as a test of its own; the race
 * check scores what the detector reports while this runs.
 */
class BankRaceProbe {
    @Test
    void twoThreadsShareOneAccount() {
        BankContract b = Subject.of(BankContract.class).create();
        b.deposit(100);
        Concurrently.inTurn(2, Duration.ofSeconds(20), t -> {
            for (int i = 0; i < 200; i++) {
                b.deposit(2);
                b.withdraw(1);
                b.balance();
            }
        });
        assertEquals(100 + 2 * 200, b.balance(), "two threads each deposited 2 and withdrew 1, 200 times");
    }
}
