import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.api.Concurrently;
import racecourse.grader.api.Points;
import racecourse.grader.api.Subject;

/** Hidden stress checks of the hitcounter exercise; counts are exact, each test stops at its first violation. */
class HitCounterStressTests {
    private final Subject<HitCounterContract> counter = Subject.of(HitCounterContract.class);
    private static final List<String> PAGES = List.of("/", "/news", "/about", "/shop");

    // Budget: 4 threads x 20 000 hits, up to 5 rounds.
    @Test
    @Points(2)
    @DisplayName("four threads: no hit is lost, per page or in total")
    void noLostHits() {
        for (int round = 0; round < 5; round++) {
            HitCounterContract c = counter.create();
            Concurrently.run(4, Duration.ofSeconds(15), t -> {
                for (int i = 0; i < 20_000; i++) c.hit(PAGES.get((i + t) % 4));
            });
            assertEquals(80_000, c.total(), "round " + round);
            int sum = 0;
            for (String p : PAGES) sum += c.hits(p);
            assertEquals(80_000, sum, "round " + round);
        }
    }

    // Budget: 2 writers x 20 000 hits while 2 readers call busiest and total, up to 3 rounds.
    @Test
    @Points(2)
    @DisplayName("readers during writes never fail and see totals that only grow")
    void readersDuringWrites() {
        for (int round = 0; round < 3; round++) {
            HitCounterContract c = counter.create();
            AtomicLong shrank = new AtomicLong();
            AtomicLong writersLeft = new AtomicLong(2);
            Concurrently.run(4, Duration.ofSeconds(15), t -> {
                if (t < 2) {
                    for (int i = 0; i < 20_000; i++) c.hit(PAGES.get(i % 4));
                    writersLeft.decrementAndGet();
                } else {
                    int last = 0;
                    while (writersLeft.get() > 0) {
                        c.busiest();
                        int now = c.total();
                        if (now < last) shrank.incrementAndGet();
                        last = now;
                    }
                }
            });
            assertEquals(0, shrank.get(), "round " + round + ": the total went down");
            assertTrue(PAGES.contains(c.busiest()));
        }
    }
}
