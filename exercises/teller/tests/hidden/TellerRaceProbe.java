import java.time.Duration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import org.junit.jupiter.api.Test;
import racecourse.grader.api.Concurrently;
import racecourse.grader.api.Subject;

/** The workload the race detector watches: two threads share one teller. Scored by the race check. */
class TellerRaceProbe {
    @Test
    void twoThreadsShareOneTeller() {
        TellerContract t = Subject.of(TellerContract.class).create();
        try {
            Concurrently.inTurn(2, Duration.ofSeconds(20), k -> {
                for (int i = 0; i < 100; i++) {
                    t.deposit(1);
                    t.balance();
                }
            });
            assertEquals(200, t.balance(), "two threads deposited 1, 100 times each");
        } finally {
            TellerContract.closeWithin(t, Duration.ofSeconds(5));
        }
    }
}
