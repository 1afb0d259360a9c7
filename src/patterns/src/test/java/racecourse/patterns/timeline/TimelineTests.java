package racecourse.patterns.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import racecourse.display.MimeBundle;

class TimelineTests {
    @Test
    void drawsAPictureAndStatesEveryEdgeInText() {
        Timeline t = Timeline.of("volatile publishes", "writer", "reader");
        int w = t.event("writer", 0, "data = 42");
        int v = t.event("writer", 1, "ready = true");
        int r = t.event("reader", 2, "ready?");
        int d = t.event("reader", 3, "read data");
        t.sync(v, r, "volatile").race(w, d, "example");
        BufferedImage image = t.image();
        assertTrue(image.getWidth() > 300 && image.getHeight() > 200);
        MimeBundle bundle = t.toMimeBundle();
        assertTrue(bundle.data().containsKey(MimeBundle.PNG));
        String text = bundle.text();
        assertTrue(text.contains("happens-before: writer ready = true -> reader ready? (volatile)"), text);
        assertTrue(text.contains("RACE: writer data = 42 <-> reader read data (example)"), text);
    }

    @Test
    void rejectsUnknownThreadsAndClashingSteps() {
        Timeline t = Timeline.of("t", "a");
        t.event("a", 0, "x");
        assertThrows(IllegalArgumentException.class, () -> t.event("b", 1, "y"));
        assertThrows(IllegalArgumentException.class, () -> t.event("a", 0, "y"));
        assertThrows(IllegalArgumentException.class, () -> t.sync(0, 5, "nope"));
        assertEquals(1, t.summary().lines().filter(l -> l.contains("[x]")).count());
    }
}
