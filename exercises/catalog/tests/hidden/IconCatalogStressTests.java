import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.api.Concurrently;
import racecourse.grader.api.Points;
import racecourse.grader.api.Subject;

/** Hidden checks of the icon catalog: many threads read one catalog at once. */
class IconCatalogStressTests {
    private final Subject<IconCatalogContract> catalog = Subject.of(IconCatalogContract.class);

    private static Map<String, Integer> icons(int n) {
        Map<String, Integer> sizes = new HashMap<>();
        for (int i = 0; i < n; i++) sizes.put("icon-" + i + ".png", 8 + i % 57);
        return sizes;
    }

    // Budget: 8 threads x 3 passes over 5 000 icons, one round.
    @Test
    @Points(2)
    @DisplayName("eight threads reading one catalog all get the right sizes")
    void manyReaders() {
        IconCatalogContract c = catalog.create(icons(5_000));
        LongAdder wrong = new LongAdder();
        Concurrently.run(8, Duration.ofSeconds(20), t -> {
            for (int pass = 0; pass < 3; pass++) {
                for (int i = 0; i < 5_000; i++) {
                    if (c.size("icon-" + i + ".png") != 8 + i % 57) wrong.increment();
                }
            }
        });
        assertEquals(0, wrong.sum(), wrong.sum() + " wrong answers out of 120000");
    }

    // Budget: 4 threads, each reading names() and asMap() 2 000 times from a fresh catalog, up to 5 rounds.
    @Test
    @Points(2)
    @DisplayName("names() and asMap() agree with each other under concurrent use")
    void viewsAgree() {
        for (int round = 1; round <= 5; round++) {
            IconCatalogContract c = catalog.create(icons(200));
            LongAdder wrong = new LongAdder();
            Concurrently.run(4, Duration.ofSeconds(20), t -> {
                for (int i = 0; i < 2_000; i++) {
                    if (c.names().size() != 200 || c.asMap().size() != 200) wrong.increment();
                }
            });
            assertEquals(0, wrong.sum(), "round " + round + ": " + wrong.sum() + " reads saw a catalog without 200 icons");
        }
    }
}
