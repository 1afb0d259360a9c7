package racecourse.jmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Properties of the engine that must hold for every test, checked on the catalogue and on random tests. */
class EngineTests {
    @Test
    void thePerVariableFilterDropsNothingAModelAccepts() {
        Random random = new Random(7);
        for (int i = 0; i < 150; i++) {
            Litmus t = TsoMachineTests.randomTest(random, i);
            Program p = new Program(t);
            Map<Model, Set<Outcome>> unfiltered = new EnumMap<>(Model.class);
            for (Model m : Model.values()) unfiltered.put(m, new LinkedHashSet<>());
            new Candidates(p).forEach(c -> true, x -> {
                for (Model m : List.of(Model.SC, Model.X86_TSO, Model.ARMV8)) {
                    if (m.axioms.check(x, false) == null) unfiltered.get(m).add(x.outcome());
                }
            });
            Analysis a = Calculator.analyse(t);
            for (Model m : List.of(Model.SC, Model.X86_TSO, Model.ARMV8)) assertEquals(unfiltered.get(m), a.allowed(m), t.text());
        }
    }

    @Test
    void scIsTheStrongestAndPlainHardwareNests() {
        Random random = new Random(11);
        for (int i = 0; i < 150; i++) {
            Litmus t = TsoMachineTests.randomTest(random, i).withMode(Mode.PLAIN);
            Analysis a = Calculator.analyse(t);
            assertTrue(a.allowed(Model.X86_TSO).containsAll(a.allowed(Model.SC)), t.text());
            assertTrue(a.allowed(Model.ARMV8).containsAll(a.allowed(Model.X86_TSO)), t.text());
            assertTrue(a.allowed(Model.JAVA).containsAll(a.allowed(Model.ARMV8)), t.text());
        }
    }

    @Test
    void allVolatileJavaIsSequentiallyConsistent() {
        Random random = new Random(17);
        for (int i = 0; i < 150; i++) {
            Litmus t = TsoMachineTests.randomTest(random, i).withMode(Mode.VOLATILE);
            Analysis a = Calculator.analyse(t);
            assertEquals(a.allowed(Model.SC), a.allowed(Model.JAVA), t.text());
            assertTrue(a.contested().isEmpty());
        }
    }

    @Test
    void strongerModesNeverAllowMore() {
        Random random = new Random(19);
        for (int i = 0; i < 100; i++) {
            Litmus t = TsoMachineTests.randomTest(random, i);
            Set<Outcome> plain = Calculator.analyse(t.withMode(Mode.PLAIN)).allowed(Model.JAVA);
            Set<Outcome> opaque = Calculator.analyse(t.withMode(Mode.OPAQUE)).allowed(Model.JAVA);
            Set<Outcome> relAcq = Calculator.analyse(t.withMode(Mode.RELEASE)).allowed(Model.JAVA);
            Set<Outcome> vol = Calculator.analyse(t.withMode(Mode.VOLATILE)).allowed(Model.JAVA);
            assertTrue(plain.containsAll(opaque) && opaque.containsAll(relAcq) && relAcq.containsAll(vol), t.text());
        }
    }

    @Test
    void storeBufferingAllowsExactlyTheFourOutcomesOnX86() {
        Set<String> outcomes = new LinkedHashSet<>();
        Litmus.sb().allowed(Model.X86_TSO).forEach(o -> outcomes.add(o.registers().toString()));
        assertEquals(Set.of("{r0=0, r1=0}", "{r0=0, r1=1}", "{r0=1, r1=0}", "{r0=1, r1=1}"), outcomes);
        assertEquals(3, Litmus.sb().allowed(Model.SC).size());
    }

    @Test
    void iriwHasSixteenCandidatesAfterTheFilter() {
        // two variables, each with one write and two reads: 1 coherence order x 2^2 read choices, squared
        assertEquals(16, new Candidates(new Program(Litmus.iriw())).forEach(Candidates.Choice::coherent, x -> { }));
    }
}
