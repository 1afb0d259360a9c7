import java.time.Duration;
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
        Concurrently.run(2, Duration.ofSeconds(20), t -> {
            for (int i = 0; i < 2_000; i++) {
                b.deposit(2);
                b.withdraw(1);
                b.balance();
            }
        });
    }
}
