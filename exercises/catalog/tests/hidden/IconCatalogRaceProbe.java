import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import org.junit.jupiter.api.Test;
import racecourse.grader.api.Concurrently;
import racecourse.grader.api.Subject;

/** The workload the race detector watches: two threads read one catalog. Scored by the race check. */
class IconCatalogRaceProbe {
    @Test
    void twoThreadsReadOneCatalog() {
        Map<String, Integer> sizes = new HashMap<>();
        for (int i = 0; i < 50; i++) sizes.put("icon-" + i, i + 1);
        IconCatalogContract c = Subject.of(IconCatalogContract.class).create(sizes);
        Concurrently.inTurn(2, Duration.ofSeconds(20), t -> {
            for (int i = 0; i < 200; i++) {
                assertEquals(50, c.names().size(), "the catalog holds 50 names");
                assertEquals(50, c.asMap().size(), "the catalog's map holds 50 entries");
                assertEquals(i % 50 + 1, c.size("icon-" + (i % 50)), "the size of icon-" + (i % 50));
            }
        });
    }
}
