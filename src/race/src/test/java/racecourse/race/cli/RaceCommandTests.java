package racecourse.race.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import racecourse.race.support.RaceRun;

/**
 * The command's behaviour on bad input: compile errors, exceptions, exits, hangs and floods of races.
 * Each test runs one small program from {@code src/test/bad} in a child JVM (about 2 s each; the hang
 * test waits for its 3 s timeout).
 */
class RaceCommandTests {
    private static String bad(String name) {
        return "src/test/bad/" + name + ".java";
    }

    @Test
    void aProgramThatDoesNotCompileGetsTheCompilerMessageAndStatus2() throws IOException {
        RaceRun r = RaceRun.of(List.of(bad("CompileError")));
        assertEquals(2, r.status(), r::toString);
        assertTrue(r.err().contains("CompileError.java:3: error:"), r::toString);
        assertTrue(r.err().contains("        int x = \"not a number\";\n                ^"),
                () -> "the source line and a caret under the error, as javac shows them\n" + r);
        assertTrue(r.err().contains("does not compile"), r::toString);
    }

    @Test
    void aPublicClassNamedUnlikeItsFileRunsAsWithJava() throws IOException {
        RaceRun r = RaceRun.of(List.of(bad("NameDiffers")));
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().contains("ran Renamed"), r::toString);
    }

    @Test
    void theFirstOfSeveralTopLevelClassesIsTheProgram() throws IOException {
        RaceRun r = RaceRun.of(List.of(bad("SeveralClasses")));
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().contains("hello from Greeter"), r::toString);
    }

    @Test
    void aMissingFileIsAUsageError() throws IOException {
        RaceRun r = RaceRun.of(List.of("src/test/bad/NoSuchProgram.java"));
        assertEquals(2, r.status(), r::toString);
        assertTrue(r.err().contains("no such file"), r::toString);
    }

    @Test
    void aProgramThatThrowsAfterARaceShowsBothAndExits66() throws IOException {
        RaceRun r = RaceRun.of(List.of(bad("ThrowsAfterRace")));
        assertEquals(66, r.status(), r::toString);
        assertTrue(r.err().contains("WARNING: DATA RACE"), r::toString);
        assertTrue(r.err().contains("IllegalStateException: boom after the race"), r::toString);
        assertTrue(r.err().contains("exited with status 1"), r::toString);
        assertEquals(1, r.count(), r::toString);
        assertEquals(Boolean.FALSE, r.report().get("complete"), () -> "a main that threw leaves the report incomplete\n" + r);
        assertTrue(r.err().contains("is incomplete"), r::toString);
    }

    @Test
    void aProgramThatThrowsWithoutARaceKeepsItsStatus() throws IOException {
        RaceRun r = RaceRun.of(List.of(bad("ThrowsNoRace")));
        assertEquals(1, r.status(), r::toString);
        assertTrue(r.err().contains("IllegalArgumentException: boom without a race"), r::toString);
        assertEquals(0, r.count(), r::toString);
    }

    @Test
    void systemExitStillWritesTheCompleteReport() throws IOException {
        RaceRun r = RaceRun.of(List.of(bad("ExitAfterRace")));
        assertEquals(66, r.status(), r::toString);
        assertEquals(Boolean.TRUE, r.report().get("complete"), r::toString);
        assertEquals(1, r.count(), r::toString);
        assertTrue(r.err().contains("Found 1 data race(s)"), r::toString);
    }

    @Test
    void argumentsReachTheProgramAndItsStatusIsKept() throws IOException {
        RaceRun r = RaceRun.of(List.of(bad("EchoArgs"), "one", "--two", "3"));
        assertEquals(3, r.status(), r::toString);
        assertTrue(r.out().contains("args=one|--two|3"), r::toString);
    }

    @Test
    void aHangingProgramIsEndedWithItsThreadDump() throws IOException {
        RaceRun r = RaceRun.of(List.of("--timeout", "3s", bad("Hang")));
        assertEquals(124, r.status(), r::toString);
        assertTrue(r.err().contains("did not finish within 3 s"), r::toString);
        assertTrue(r.err().contains("\"main\"") && r.err().contains("Hang.main"), () -> "the threads are shown\n" + r.err());
    }

    @Test
    void aDeadlockUnderTimeoutGivesAShortReportOfEachThreadAndItsLock() throws IOException {
        RaceRun r = RaceRun.of(List.of("--timeout", "3s", bad("Deadlock")));
        assertEquals(124, r.status(), r::toString);
        assertTrue(r.err().contains("\"left\"") && r.err().contains("\"right\""), r::toString);
        assertTrue(r.err().contains("BLOCKED, waiting for a java.lang.Object"), r::toString);
        assertTrue(r.err().contains("held by \"right\"") && r.err().contains("held by \"left\""), r::toString);
        assertTrue(!r.err().contains("racecourse.race."), () -> "the detector's own frames are never shown\n" + r);
        assertTrue(r.err().lines().count() < 40, () -> "the report is short\n" + r);
    }

    @Test
    void aFloodOfRacesIsCappedWithACount() throws IOException {
        RaceRun r = RaceRun.of(List.of("--max-reports", "2", bad("Flood")));
        assertEquals(66, r.status(), r::toString);
        assertEquals(6, r.count(), r::toString);
        assertEquals(2, r.races().size(), r::toString);
        assertTrue(r.err().contains("4 more race(s) not shown"), r::toString);
        assertTrue(r.err().contains("Found 6 data race(s)"), r::toString);
    }

    @Test
    void aMalformedTimeoutIsAUsageErrorAndRunsNothing() throws IOException {
        RaceRun r = RaceRun.of(List.of("--timeout", "soon", bad("Flood")));
        assertEquals(2, r.status(), r::toString);
        assertTrue(r.err().contains("'soon' is not a duration"), r::toString);
        assertEquals(-1, r.count(), r::toString);
    }
}
