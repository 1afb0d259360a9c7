import java.time.Duration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import org.junit.jupiter.api.Test;
import racecourse.grader.api.Concurrently;
import racecourse.grader.api.Subject;

/** The workload the race detector watches: two clerks share one desk. Scored by the race check. */
class WelcomeDeskRaceProbe {
    @Test
    void twoClerksShareOneDesk() {
        WelcomeDeskContract d = Subject.of(WelcomeDeskContract.class).create();
        Concurrently.inTurn(2, Duration.ofSeconds(20), t -> {
            for (int i = 0; i < 100; i++) {
                d.open("c" + i);
                d.deposit("c" + i, 1);
                d.balance("c" + i);
            }
        });
        for (int i = 0; i < 100; i++) {
            assertEquals(102, d.balance("c" + i), "c" + i + " holds one bonus of 100 and two deposits of 1");
        }
    }
}
