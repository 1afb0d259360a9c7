package racecourse.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LossHistogramTests {
    @Test
    void keepsTrialsWithoutLossApartFromSmallLosses() {
        String text = LossHistogram.of(new long[] {0, 0, 1, 7, 25}, 5, "t", "lost").summary();
        assertTrue(text.matches("(?s).*\\n  0 +2 .*"), text);
        assertTrue(text.matches("(?s).*\\n  1–5 +1 .*"), text);
        assertTrue(text.matches("(?s).*\\n  21–25 +1 .*"), text);
        assertTrue(text.contains("5 trials: 2 with nothing lost, 3 with a loss; largest 25"), text);
    }

    @Test
    void widthsAreRound() {
        assertEquals(1, LossHistogram.niceWidth(1));
        assertEquals(5, LossHistogram.niceWidth(4));
        assertEquals(2_000, LossHistogram.niceWidth(1_234));
    }

    @Test
    void negativeCountsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> LossHistogram.of(new long[] {-1}, 5, "t", "lost"));
    }
}
