package racecourse.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.openjdk.jcstress.annotations.Expect;
import racecourse.display.MimeBundle;

/** A stress result shows another view, built from its counts, beside its chart. */
class StressResultBesideTests {
    @Test
    void theViewGetsTheCountsAndIsShownBesideTheChart() {
        StressResult r = new StressResult("SB", "embedded", "", List.of(
                new OutcomeCount("0, 0", 3, Expect.ACCEPTABLE_INTERESTING, "both early"),
                new OutcomeCount("1, 1", 7, Expect.ACCEPTABLE, "both late")),
                10, Duration.ofMillis(5), false, List.of(), 1, Map.of());
        AtomicReference<Map<String, Long>> seen = new AtomicReference<>();
        MimeBundle b = r.beside(counts -> {
            seen.set(counts);
            return () -> new MimeBundle().with(MimeBundle.HTML, "<b>verdicts</b>").with(MimeBundle.TEXT, "verdicts here");
        }).toMimeBundle();
        assertEquals(Map.of("0, 0", 3L, "1, 1", 7L), seen.get());
        assertTrue(b.data().get(MimeBundle.HTML).contains("<b>verdicts</b>"));
        assertTrue(b.data().get(MimeBundle.HTML).contains("racecourse-stress"));
        assertTrue(b.data().containsKey(MimeBundle.PNG));
        assertTrue(b.text().startsWith(r.report()) && b.text().endsWith("verdicts here"), b.text());
    }
}
