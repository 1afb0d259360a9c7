import java.time.Duration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import org.junit.jupiter.api.Test;
import racecourse.grader.api.Concurrently;
import racecourse.grader.api.Subject;

/** The workload the race detector watches: two threads hit and read one counter. Scored by the race check. */
class HitCounterRaceProbe {
    @Test
    void hitAndRead() {
        HitCounterContract c = Subject.of(HitCounterContract.class).create();
        Concurrently.inTurn(2, Duration.ofSeconds(20), t -> {
            for (int i = 0; i < 100; i++) {
                c.hit(t == 0 ? "/" : "/news");
                c.total();
                c.busiest();
                c.hits("/");
            }
        });
        assertEquals(200, c.total(), "two threads hit 100 times each");
        assertEquals(100, c.hits("/"), "one thread hit / 100 times");
    }
}
