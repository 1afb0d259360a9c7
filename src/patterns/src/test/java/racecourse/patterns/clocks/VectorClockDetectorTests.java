package racecourse.patterns.clocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class VectorClockDetectorTests {
    @Test
    void clocksJoinTickAndCompare() {
        VectorClock a = VectorClock.of(2, 0, 1);
        VectorClock b = VectorClock.of(1, 3, 1);
        assertEquals(VectorClock.of(2, 3, 1), a.join(b));
        assertTrue(a.concurrentWith(b));
        assertTrue(VectorClock.of(1, 0, 1).leq(a));
        assertEquals(VectorClock.of(2, 1, 1), a.tick(1));
        assertEquals("[2,0,1]", a.toString());
        assertThrows(IllegalArgumentException.class, () -> a.join(VectorClock.zero(2)));
    }

    @Test
    void theTwoThreadProgramHasTwoRaces() {
        Trace trace = Trace.of("main", "A", "B")
                .start("main", "A").start("main", "B")
                .write("A", "x").read("A", "y")
                .write("B", "y").read("B", "x")
                .join("main", "A").join("main", "B");
        VectorClockDetector.Report report = VectorClockDetector.check(trace);
        assertEquals(2, report.races().size(), report.toString());
        Set<String> vars = new HashSet<>();
        report.races().forEach(r -> vars.add(r.variable()));
        assertEquals(Set.of("x", "y"), vars);
        assertTrue(report.toMimeBundle().data().containsKey("image/png"));
    }

    @Test
    void aLockOrdersTheAccesses() {
        Trace trace = Trace.of("main", "A", "B")
                .start("main", "A").start("main", "B")
                .lock("A", "mu").write("A", "balance").unlock("A", "mu")
                .lock("B", "mu").read("B", "balance").write("B", "balance").unlock("B", "mu");
        VectorClockDetector.Report report = VectorClockDetector.check(trace);
        assertTrue(report.raceFree(), report.toString());
        assertTrue(report.edges().stream().anyMatch(e -> e.why().equals("unlock → lock")));
    }

    @Test
    void aVolatileFlagOrdersDataWrittenBeforeIt() {
        Trace ok = Trace.of("main", "W", "R").start("main", "W").start("main", "R")
                .write("W", "data").volatileWrite("W", "ready").volatileRead("R", "ready").read("R", "data");
        assertTrue(VectorClockDetector.check(ok).raceFree());
        Trace plain = Trace.of("main", "W", "R").start("main", "W").start("main", "R")
                .write("W", "data").write("W", "ready").read("R", "ready").read("R", "data");
        assertEquals(2, VectorClockDetector.check(plain).races().size());
    }

    @Test
    void startAndJoinOrderTheParentsAccesses() {
        Trace trace = Trace.of("main", "T")
                .write("main", "x").start("main", "T").write("T", "x").join("main", "T").read("main", "x");
        VectorClockDetector.Report report = VectorClockDetector.check(trace);
        assertTrue(report.raceFree(), report.toString());
        assertFalse(report.edges().isEmpty());
    }

    @Test
    void unlockAfterTheReadDoesNotHelp() {
        // B reads before taking the lock: the lock cannot order an access made outside it.
        Trace trace = Trace.of("main", "A", "B").start("main", "A").start("main", "B")
                .lock("A", "mu").write("A", "x").unlock("A", "mu")
                .read("B", "x").lock("B", "mu").unlock("B", "mu");
        assertEquals(1, VectorClockDetector.check(trace).races().size());
    }

    @Test
    void badTracesAreRejectedWithAReason() {
        assertThrows(IllegalArgumentException.class, () -> Trace.of("main", "T").write("T", "x"));
        assertThrows(IllegalArgumentException.class, () -> Trace.of("main", "main"));
        assertThrows(IllegalArgumentException.class, () -> Trace.of("main").write("ghost", "x"));
        Trace t = Trace.of("main", "T").start("main", "T").join("main", "T");
        assertThrows(IllegalArgumentException.class, () -> t.write("T", "x"));
    }

    // Budget: up to 200 runs of the two-thread program (each well under 1 ms of work).
    @Test
    void theProgramPrintsBothValues() throws InterruptedException {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String out = SharedXY.runOnce();
            assertTrue(out.matches("(x:[01] y:[01])|(y:[01] x:[01])"), out);
            seen.add(out);
        }
        assertFalse(seen.isEmpty());
    }
}
