package racecourse.jmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import racecourse.display.MimeBundle;

/** The operational store-buffer machine and the axiomatic x86-TSO model must allow exactly the same outcomes. */
class TsoMachineTests {
    @Test
    void agreesWithAxiomaticTsoOnTheCatalogueInEveryMode() {
        int compared = 0;
        for (Litmus base : Catalogue.all()) {
            for (Mode mode : List.of(Mode.PLAIN, Mode.OPAQUE, Mode.RELEASE, Mode.VOLATILE)) {
                Litmus t = base.withMode(mode);
                assertEquals(t.allowed(Model.X86_TSO), new TsoMachine(t).outcomes(), t.text());
                compared++;
            }
        }
        assertTrue(compared >= 70);
    }

    @Test
    void agreesWithAxiomaticTsoOnRandomTests() {
        Random random = new Random(13);
        for (int i = 0; i < 300; i++) {
            Litmus t = randomTest(random, i);
            assertEquals(t.allowed(Model.X86_TSO), new TsoMachine(t).outcomes(), t.text());
        }
    }

    @Test
    void theMachineIsWeakerThanScAndStrongerThanArm() {
        Litmus sb = Litmus.sb();
        assertTrue(new TsoMachine(sb).outcomes().containsAll(sb.allowed(Model.SC)));
        assertTrue(sb.allowed(Model.ARMV8).containsAll(new TsoMachine(sb).outcomes()));
        assertTrue(new TsoMachine(sb).outcomes().size() > sb.allowed(Model.SC).size(), "SB's 0, 0 is TSO-only");
    }

    @Test
    void storeBufferingWitnessRendersAsPicturesWithATextTwin() {
        TsoWitness w = new TsoMachine(Litmus.sb()).witness();
        assertNotNull(w);
        assertTrue(Litmus.sb().condition().matches(w.outcome()));
        assertEquals(7, w.steps().size(), w.text());
        assertTrue(w.text().contains("A reads y=0 from memory into r0"), w.text());
        assertTrue(w.text().contains("B reads x=0 from memory into r1"), w.text());
        MimeBundle bundle = w.toMimeBundle();
        assertTrue(bundle.data().containsKey(MimeBundle.PNG));
        assertTrue(bundle.text().contains("A buffer [x=1]"), bundle.text());
        assertEquals(7, w.frames().size());
        assertEquals(4 * 230, w.strip().getWidth());
    }

    @Test
    void noWitnessForAnOutcomeTsoForbids() {
        assertNull(new TsoMachine(Litmus.named("SB+fences")).witness());
        assertNull(new TsoMachine(Litmus.sb().withMode(Mode.VOLATILE)).witness());
    }

    /** A random test of 2 or 3 threads with 1 to 3 operations each over x and y, in random modes. */
    static Litmus randomTest(Random random, int id) {
        Litmus.Builder b = Litmus.builder("random" + id);
        int threads = 2 + random.nextInt(2);
        int[] reg = {0};
        List<String> regs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int ops = 1 + random.nextInt(3);
            boolean first = t == 0;
            b.thread(tb -> {
                if (first) tb.store("x", 1);
                for (int i = 0; i < ops; i++) {
                    String var = random.nextBoolean() ? "x" : "y";
                    int kind = random.nextInt(7);
                    Mode mode = List.of(Mode.PLAIN, Mode.OPAQUE, Mode.VOLATILE).get(random.nextInt(3));
                    if (kind < 3) tb.store(var, 1 + random.nextInt(2), mode == Mode.OPAQUE ? Mode.RELEASE : mode);
                    else if (kind < 6) {
                        String r = "r" + reg[0]++;
                        regs.add(r);
                        tb.load(r, var, mode == Mode.OPAQUE ? Mode.ACQUIRE : mode);
                    } else tb.fence();
                }
                return tb;
            });
        }
        b.exists(regs.isEmpty() ? "x=0" : regs.getFirst() + "=0");
        return b.build();
    }
}
