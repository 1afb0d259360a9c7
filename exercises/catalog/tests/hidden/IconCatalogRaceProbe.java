import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
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
        Concurrently.run(2, Duration.ofSeconds(20), t -> {
            for (int i = 0; i < 200; i++) {
                c.names();
                c.asMap();
                c.size("icon-" + (i % 50));
            }
        });
    }
}
