package racecourse.jmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Observed stress counts are set beside each model's verdict, row by row. */
class ObservedVerdictsTests {
    @Test
    void storeBufferingNotSeenSaysSoWithTheSampleCount() {
        ObservedVerdicts o = Litmus.sb().judge(Map.of("0, 1", 500L, "1, 0", 400L, "1, 1", 100L));
        ObservedVerdicts.Row both = o.rows().stream().filter(r -> r.id().equals("0, 0")).findFirst().orElseThrow();
        assertEquals(0, both.count());
        assertEquals(Verdict.FORBIDDEN, both.verdicts().get(Model.SC));
        assertEquals(Verdict.ALLOWED, both.verdicts().get(Model.X86_TSO));
        assertTrue(both.note().contains("not seen in 1,000 samples"), both.note());
        assertEquals(4, o.rows().size());
    }

    @Test
    void plainMessagePassingSeenOnX86IsBlamedOnTheJit() {
        // MP's registers are r0 (flag) and r1 (data), in the order of MessagePassingPlain's r1, r2
        ObservedVerdicts o = Litmus.mp().judge(Map.of("1, 0", 7549L, "1, 1", 10L));
        ObservedVerdicts.Row row = o.rows().stream().filter(r -> r.id().equals("1, 0")).findFirst().orElseThrow();
        assertEquals(Verdict.FORBIDDEN, row.verdicts().get(Model.X86_TSO));
        assertEquals(Verdict.ALLOWED, row.verdicts().get(Model.JAVA));
        assertTrue(row.note().contains("JIT"), row.note());
        assertTrue(o.text().contains("x86-TSO"));
    }

    @Test
    void idsThatDoNotFitTheRegistersAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Litmus.sb().judge(Map.of("1", 3L)));
        assertTrue(e.getMessage().contains("2 registers"), e.getMessage());
    }

    @Test
    void countsThatNoModelAllowsPointAtAMismatchedTwin() {
        ObservedVerdicts.Row row = Litmus.mp().judge(Map.of("1, 42", 5L)).rows().stream()
                .filter(r -> r.id().equals("1, 42")).findFirst().orElseThrow();
        assertTrue(row.note().contains("same constants"), row.note());
        Litmus mp42 = Litmus.parse("test MP42\nA: message = 42; ready = 1\nB: r0 = ready; r1 = message\nexists r0=1 && r1=0");
        ObservedVerdicts.Row ok = mp42.judge(Map.of("1, 42", 5L)).rows().stream()
                .filter(r -> r.id().equals("1, 42")).findFirst().orElseThrow();
        assertEquals("", ok.note());
        assertEquals(Verdict.ALLOWED, ok.verdicts().get(Model.SC));
    }
}
