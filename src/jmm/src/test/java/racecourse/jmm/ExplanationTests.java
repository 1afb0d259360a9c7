package racecourse.jmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Forbidden outcomes come with a cycle a learner can read; allowed ones do not. */
class ExplanationTests {
    @Test
    void storeBufferingWithVolatileNamesTheTwoFromReads() {
        ModelVerdict v = Litmus.sb().withMode(Mode.VOLATILE).verdicts().get(Model.JAVA);
        assertEquals(Verdict.FORBIDDEN, v.verdict());
        String text = v.explanation().text();
        assertTrue(text.contains("B's volatile read of x (r1) comes before A's volatile write x=1 in coherence order"), text);
        assertTrue(text.contains("A's volatile read of y (r0) comes before B's volatile write y=1 in coherence order"), text);
        assertEquals(4, v.explanation().edges(), text);
    }

    @Test
    void messagePassingOnX86IsExplainedByProgramOrderAndFromRead() {
        ModelVerdict v = Litmus.mp().verdicts().get(Model.X86_TSO);
        assertEquals(Verdict.FORBIDDEN, v.verdict());
        assertEquals(TsoAxioms.TSO, v.explanation().axiom());
        assertTrue(v.explanation().text().contains("B's read of y (r0) reads the value of A's write y=1")
                || v.explanation().text().contains("reads the value of A's write y=1"), v.explanation().text());
    }

    @Test
    void coherenceViolationsNameTheirAxiom() {
        assertEquals(ArmAxioms.INTERNAL, Litmus.named("CoRR").verdicts().get(Model.ARMV8).explanation().axiom());
        assertEquals(JavaAxioms.COHERENCE, Litmus.named("CoRR").withMode(Mode.OPAQUE).verdicts().get(Model.JAVA).explanation().axiom());
    }

    @Test
    void allowedOutcomesHaveNoCycle() {
        assertNull(Litmus.sb().verdicts().get(Model.X86_TSO).explanation());
    }

    @Test
    void plainJavaSaysItAssumesNoCoherence() {
        assertTrue(Litmus.named("CoRR").verdicts().get(Model.JAVA).note().contains("not coherent"));
        assertEquals("", Litmus.named("CoRR").withMode(Mode.OPAQUE).verdicts().get(Model.JAVA).note());
    }

    @Test
    void contestedLoadBufferingGivesBothReadings() {
        ModelVerdict v = Litmus.lb().withMode(Mode.OPAQUE).verdicts().get(Model.JAVA);
        assertEquals(Verdict.CONTESTED, v.verdict());
        assertTrue(v.explanation().text().contains("Bender and Palsberg"), v.explanation().text());
        assertEquals(4, v.explanation().edges());
    }

    @Test
    void everyForbiddenCellOfTheCatalogueHasACycleOfAtMostSixEdges() {
        for (Litmus base : Catalogue.all()) {
            for (Mode mode : Mode.values()) {
                if (mode == Mode.ACQUIRE) continue;
                Verdicts vs = base.withMode(mode).verdicts();
                for (ModelVerdict row : vs.rows()) {
                    if (row.verdict() == Verdict.ALLOWED) continue;
                    int edges = row.explanation().edges();
                    assertTrue(edges >= 1 && edges <= 6, vs.test().name() + " " + row.model() + ": " + row.explanation().text());
                }
            }
        }
    }

    @Test
    void anImpossibleValueIsForbiddenWithAPlainReason() {
        ModelVerdict v = Litmus.sb().withCondition("r0=7").verdicts().get(Model.SC);
        assertEquals(Verdict.FORBIDDEN, v.verdict());
        assertTrue(v.explanation().text().contains("no store writes those values"));
    }
}
