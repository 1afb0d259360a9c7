import java.time.Duration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.junit.jupiter.api.Test;
import racecourse.grader.api.Concurrently;
import racecourse.grader.api.Subject;

/** The workload the race detector watches: one thread moves money while another reads. Scored by the race check. */
class WalletRaceProbe {
    @Test
    void moverAndReader() {
        WalletContract w = Subject.of(WalletContract.class).create(50, 50);
        Concurrently.inTurn(2, Duration.ofSeconds(20), t -> {
            for (int i = 0; i < 200; i++) {
                if (t == 0) {
                    assertTrue(w.toSavings(5), "5 can move to savings");
                    assertTrue(w.toCash(5), "5 can move back to cash");
                } else {
                    assertEquals(100, w.total(), "moving money keeps the total");
                    assertEquals(50, w.cash(), "cash is back to 50 after each round trip");
                    assertEquals(50, w.savings(), "savings are back to 50 after each round trip");
                }
            }
        });
    }
}
