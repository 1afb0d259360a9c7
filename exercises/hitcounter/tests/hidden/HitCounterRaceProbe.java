import java.time.Duration;
import org.junit.jupiter.api.Test;
import racecourse.grader.api.Concurrently;
import racecourse.grader.api.Subject;

/** The workload the race detector watches: two threads hit and read one counter. Scored by the race check. */
class HitCounterRaceProbe {
    @Test
    void hitAndRead() {
        HitCounterContract c = Subject.of(HitCounterContract.class).create();
        Concurrently.run(2, Duration.ofSeconds(20), t -> {
            for (int i = 0; i < 300; i++) {
                c.hit(t == 0 ? "/" : "/news");
                c.total();
                c.busiest();
                c.hits("/");
            }
        });
    }
}
