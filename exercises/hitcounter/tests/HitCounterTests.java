import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.api.Concurrently;
import racecourse.grader.api.Subject;

/** Visible tests of the hitcounter exercise: {@code Checks.run("hitcounter", HitCounter.class)}. */
class HitCounterTests {
    private final Subject<HitCounterContract> counter = Subject.of(HitCounterContract.class);

    @Test
    @DisplayName("counts hits per page and in total")
    void counts() {
        HitCounterContract c = counter.create();
        c.hit("/"); c.hit("/"); c.hit("/about");
        assertEquals(2, c.hits("/"));
        assertEquals(1, c.hits("/about"));
        assertEquals(0, c.hits("/missing"));
        assertEquals(3, c.total());
    }

    @Test
    @DisplayName("the busiest page is the one with most hits (null when there are none)")
    void busiest() {
        HitCounterContract c = counter.create();
        assertNull(c.busiest());
        c.hit("/a"); c.hit("/b"); c.hit("/b");
        assertEquals("/b", c.busiest());
    }

    // Budget: 2 threads x 5 000 hits, once.
    @Test
    @DisplayName("two threads' hits all count")
    void twoThreads() {
        HitCounterContract c = counter.create();
        Concurrently.run(2, Duration.ofSeconds(10), t -> {
            for (int i = 0; i < 5_000; i++) c.hit(i % 2 == 0 ? "/" : "/news");
        });
        assertEquals(10_000, c.total());
        assertEquals(10_000, c.hits("/") + c.hits("/news"));
    }
}
