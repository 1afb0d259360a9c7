import java.time.Duration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import org.junit.jupiter.api.Test;
import racecourse.grader.api.Concurrently;
import racecourse.grader.api.Subject;

/** The workload the race detector watches: a mover and two readers share one stock room. Scored by the race check. */
class StockRaceProbe {
    @Test
    void moverAndReaders() {
        StockContract s = Subject.of(StockContract.class).create(4);
        s.add(0, 100);
        Concurrently.inTurn(3, Duration.ofSeconds(20), t -> {
            for (int i = 0; i < 200; i++) {
                if (t == 0) {
                    s.move(i % 2 == 0 ? 0 : 3, i % 2 == 0 ? 3 : 0, 1);
                    s.add(1, 1);
                } else {
                    s.total();
                    s.count(1);
                }
            }
        });
        assertEquals(300, s.total(), "100 items, plus 200 added; moves keep the total");
        assertEquals(200, s.count(1), "200 items were added to shelf 1");
    }
}
