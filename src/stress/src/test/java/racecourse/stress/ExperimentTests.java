package racecourse.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openjdk.jcstress.annotations.Expect;
import racecourse.display.MimeBundle;
import racecourse.stress.fixtures.Fixtures;

class ExperimentTests {
    static final class Box {
        int x;
        int y;
    }

    /** Budget: until the first "0, 0", at most 20 s (it usually comes within tens of milliseconds). */
    @Test
    void lambdaStoreBufferingShowsBothEarly() {
        StressResult r = Experiment.of(Box::new)
                .actor(b -> { b.x = 1; return b.y; })
                .actor(b -> { b.y = 1; return b.x; })
                .outcome("0, 0", Expect.ACCEPTABLE_INTERESTING, "both early")
                .otherwise(Expect.ACCEPTABLE, "other")
                .name("sb")
                .run(StressOptions.defaults().progress(false).time(Duration.ofSeconds(20)).untilSeen("0, 0"));
        assertTrue(r.seen("0, 0"), r::report);
        assertEquals(Verdict.INTERESTING, r.verdict());
    }

    @Test
    void arbiterValueEndsTheId() {
        StressResult r = Experiment.of(Box::new)
                .actor(b -> { b.x = 1; return 5; })
                .actor(b -> { b.y = 2; return 6; })
                .arbiter(b -> b.x + b.y)
                .run(StressOptions.defaults().progress(false).time(Duration.ofMillis(200)));
        assertEquals(r.samples(), r.count("5, 6, 3"), r::report);
    }

    @Test
    void displayBundleHasChartTableAndEveryCount() {
        StressResult r = Stress.run(Fixtures.AlwaysForbidden.class,
                StressOptions.defaults().progress(false).time(Duration.ofMillis(100)));
        MimeBundle b = r.toMimeBundle();
        assertTrue(b.data().get(MimeBundle.HTML).contains("<img src=\"data:image/png;base64,"));
        assertTrue(b.data().get(MimeBundle.HTML).contains("<table"));
        assertTrue(b.data().containsKey(MimeBundle.PNG));
        assertTrue(b.text().contains(String.format(java.util.Locale.ROOT, "%,d", r.count("true, false"))), b.text());
        assertTrue(b.text().contains("FORBIDDEN outcome seen"));
        assertEquals(5, r.table().columnCount());
        assertEquals(java.util.List.of("outcome", "count", "fraction", "expectation", "description"), r.table().columnNames());
    }
}
