package racecourse.jmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import racecourse.display.Display;
import racecourse.display.MimeBundle;

/** The notebook renderings carry HTML and a text twin with the same verdicts. */
class VerdictsDisplayTests {
    @Test
    void verdictsRenderAsATableWithATextTwin() {
        MimeBundle b = Display.render(Litmus.mp().verdicts());
        assertTrue(b.data().get(MimeBundle.HTML).contains("<table"));
        assertTrue(b.text().contains("x86-TSO   forbidden"), b.text());
        assertTrue(b.text().contains("ARMv8     allowed"), b.text());
    }

    @Test
    void theGridMatchesTheCoursesTable() {
        VerdictGrid g = VerdictGrid.classics();
        assertEquals(9, g.rows().size());
        String text = g.text();
        assertTrue(text.contains("LB            forbidden    forbidden    allowed      allowed      contested    forbidden    forbidden"), text);
        assertTrue(Display.render(g).data().get(MimeBundle.HTML).contains("contested"));
    }
}
