import java.time.Duration;
import org.junit.jupiter.api.Test;
import racecourse.grader.api.Concurrently;
import racecourse.grader.api.Subject;

/** The workload the race detector watches: one thread moves money while another reads. Scored by the race check. */
class WalletRaceProbe {
    @Test
    void moverAndReader() {
        WalletContract w = Subject.of(WalletContract.class).create(50, 50);
        Concurrently.run(2, Duration.ofSeconds(20), t -> {
            for (int i = 0; i < 200; i++) {
                if (t == 0) { w.toSavings(5); w.toCash(5); } else { w.total(); w.cash(); w.savings(); }
            }
        });
    }
}
