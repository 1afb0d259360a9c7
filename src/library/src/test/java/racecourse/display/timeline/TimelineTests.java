package racecourse.display.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
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

    /** The happens-before picture of lesson 06, built the same way as in the notebook. */
    static Timeline lessonSixPicture() {
        Timeline hb = Timeline.of("Happens-before: the four kinds of edges", "main", "writer", "reader");
        hb.event("main", 0, "config = …");
        int startR = hb.event("main", 1, "start(reader)");
        int startW = hb.event("main", 2, "start(writer)");
        int spin = hb.event("reader", 2, "read v:ready → false");
        int data = hb.event("writer", 3, "data = 42");
        int ready = hb.event("writer", 4, "v:ready = true");
        int unlockW = hb.event("writer", 5, "count++; unlock m");
        int seeReady = hb.event("reader", 6, "read v:ready → true");
        hb.event("reader", 7, "read data");
        int lockR = hb.event("reader", 8, "lock m; read count");
        int endR = hb.event("reader", 9, "unlock m");
        int join = hb.event("main", 10, "join(reader)");
        return hb.sync(startR, spin, "start").sync(startW, data, "start").sync(ready, seeReady, "volatile")
                .sync(unlockW, lockR, "unlock → lock").sync(endR, join, "join");
    }

    @Test
    void lessonSixPictureHasNoArrowOverALabelOrDot() {
        assertEquals(List.of(), lessonSixPicture().overlaps());
    }

    @Test
    void labelsMoveToTheFreeSideOfTheirDot() {
        // An arrow leaving a middle-lane action downwards would cross a label drawn below it: the label goes above.
        Timeline t = Timeline.of("t", "a", "b", "c");
        int b = t.event("b", 1, "b writes something long");
        int c = t.event("c", 2, "c reads it");
        t.sync(b, c, "edge");
        assertEquals(List.of(), t.overlaps());
    }

    @Test
    void reportsAnArrowThatCrossesAnotherAction() {
        Timeline t = Timeline.of("t", "a", "b", "c");
        int a = t.event("a", 0, "start");
        t.event("b", 1, "in the way");
        int c = t.event("c", 2, "end");
        t.sync(a, c, "long edge");
        assertTrue(t.overlaps().stream().anyMatch(s -> s.contains("passes over the dot of b in the way")), t.overlaps().toString());
    }
}
