import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import racecourse.explore.Explore;
import racecourse.grader.api.Subject;

/**
 * Hidden concurrency check of the catalog exercise, run under the schedule explorer. A catalog's faults are memory
 * model faults (a field written after construction and read by another thread without ordering), which every
 * sequentially consistent schedule hides; the explorer's happens-before check sees the unordered accesses on the
 * explored schedules, and the check fails on them ({@code explore.ID.races}, true by default).
 */
class IconCatalogExploreChecks {
    /** Two readers ask for the names at once: both see both icons, and nothing is written where both can see it. */
    static Explore<IconCatalogContract> twoReaders() {
        return Explore.of(() -> {
            Map<String, Integer> sizes = new HashMap<>();
            sizes.put("spades.png", 16);
            sizes.put("hearts.png", 32);
            return Subject.of(IconCatalogContract.class).create(sizes);
        }).thread(c -> c.names().size())
                .thread(c -> c.names().size())
                .after(c -> {
                    assertEquals(Set.of("spades.png", "hearts.png"), c.names(), "the names after two readers");
                    return c.names().size();
                });
    }
}
