import static org.junit.jupiter.api.Assertions.assertEquals;

import racecourse.explore.Explore;
import racecourse.grader.api.Subject;

/** Hidden concurrency check of the hit counter, run under the schedule explorer. */
class HitCounterExploreChecks {
    /** Two hits on one page at once: the page has 2 hits, the total is 2, and it is the busiest page. */
    static Explore<HitCounterContract> twoHits() {
        return Explore.of(() -> Subject.of(HitCounterContract.class).create())
                .thread(c -> c.hit("home"))
                .thread(c -> c.hit("home"))
                .after(c -> {
                    int hits = c.hits("home");
                    int total = c.total();
                    assertEquals(2, hits, "two hits on \"home\" at once: hits(\"home\") should be 2, but it is "
                            + hits + " (a hit was lost)");
                    assertEquals(2, total, "two hits at once: total() should be 2, but it is " + total
                            + " (a hit was lost)");
                    assertEquals("home", c.busiest(), "after two hits on \"home\", the busiest page");
                    return hits + "/" + total;
                });
    }
}
