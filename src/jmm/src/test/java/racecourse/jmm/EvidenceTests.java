package racecourse.jmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The recorded evidence is labelled as such and never contradicts the models. */
class EvidenceTests {
    @Test
    void everyRenderingSaysItIsRecordedNotMeasured() {
        Evidence e = Evidence.recorded();
        assertTrue(e.text().startsWith(Evidence.LABEL));
        assertTrue(e.toMimeBundle().data().get("text/html").contains(Evidence.LABEL));
        assertTrue(Evidence.LABEL.contains("not measured in this run"));
        e.rows().forEach(r -> assertTrue(r.source().contains("jcstress-samples"), r.toString()));
    }

    @Test
    void whatAMachineShowedItsModelAllows() {
        int checked = 0;
        for (Evidence.Row r : Evidence.recorded().rows()) {
            Litmus t = Catalogue.named(r.test()).withMode(r.mode());
            if (r.count() != 0) {
                // seen at least once: the Java model must allow it, and so must the hardware model (JIT rows aside)
                assertNotEquals(Verdict.FORBIDDEN, t.verdicts().verdict(Model.JAVA), r.toString());
                if (r.model() != null && !r.architecture().contains("JIT")) {
                    assertEquals(Verdict.ALLOWED, t.verdicts().verdict(r.model()), r.toString());
                    checked++;
                }
            }
        }
        assertTrue(checked >= 2);
    }

    @Test
    void forbiddenOutcomesWereNeverSeen() {
        for (Evidence.Row r : Evidence.recorded().rows()) {
            Litmus t = Catalogue.named(r.test()).withMode(r.mode());
            if (t.verdicts().verdict(Model.JAVA) == Verdict.FORBIDDEN) assertEquals(0, r.count(), r.toString());
        }
    }
}
