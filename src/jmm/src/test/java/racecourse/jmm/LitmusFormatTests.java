package racecourse.jmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The text format reads back what it writes, and bad input gets an error that says where and what. */
class LitmusFormatTests {
    @Test
    void everyCatalogueTestRoundTrips() {
        for (Litmus t : Catalogue.all()) {
            for (Mode m : List.of(Mode.PLAIN, Mode.OPAQUE, Mode.RELEASE, Mode.VOLATILE)) {
                Litmus moded = t.withMode(m);
                assertEquals(moded, Litmus.parse(moded.text()), moded.text());
            }
        }
    }

    @Test
    void readsModesFencesCommentsAndHerdStyleConditions() {
        Litmus t = Litmus.parse("""
                # message passing, fenced on the writer's side
                test MP+x
                P0: x = 1; fence; y.volatile = 1
                P1: r0 = y.acq; r1 = x.opaque   # trailing comment
                exists (r0 = 1 /\\ r1 = 0)
                """);
        assertEquals("MP+x", t.name());
        assertEquals(List.of("P0", "P1"), t.threadNames());
        assertEquals(new Op.Store("y", 1, Mode.VOLATILE), t.threads().get(0).get(2));
        assertEquals(new Op.Fence(), t.threads().get(0).get(1));
        assertEquals(new Op.Load("r0", "y", Mode.ACQUIRE), t.threads().get(1).get(0));
        assertEquals("r0=1 && r1=0", t.condition().toString());
    }

    @Test
    void badInputSaysWhereAndWhat() {
        assertMessage("line 2", "# comment\nA: x = 1; r0 == y\nexists r0=1");
        assertMessage("no 'exists' line", "A: x = 1");
        assertMessage("no thread lines", "exists r0=1");
        assertMessage("unknown access mode 'strong'", "A: x.strong = 1\nexists x=1");
        assertMessage("a store cannot be 'acquire'", "A: x.acquire = 1\nexists x=1");
        assertMessage("a load cannot be 'release'", "A: r0 = x.release\nexists r0=1");
        assertMessage("neither a register nor a shared variable", "A: x = 1\nexists r5=1");
        assertMessage("loaded twice", "A: r0 = x\nB: r0 = y\nexists r0=1");
        assertMessage("1 to 4 threads", "A: x=1\nB: x=1\nC: x=1\nD: x=1\nE: x=1\nexists x=1");
        assertMessage("cannot read the condition term", "A: x = 1\nexists x>1");
    }

    @Test
    void theBuilderChecksTheSameRules() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Litmus.builder("t")
                .thread(t -> t.store("r1", 1)).exists("r1=1").build());
        assertTrue(e.getMessage().contains("cannot name a shared variable"), e.getMessage());
        Litmus ok = Litmus.builder("SB").thread(t -> t.store("x", 1).load("r0", "y"))
                .thread(t -> t.store("y", 1).load("r1", "x")).exists("r0=0 && r1=0").build();
        assertEquals(Litmus.sb().threads(), ok.threads());
    }

    private static void assertMessage(String expected, String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Litmus.parse(text));
        assertTrue(e.getMessage().contains(expected), () -> "wanted '" + expected + "' in: " + e.getMessage());
    }
}
