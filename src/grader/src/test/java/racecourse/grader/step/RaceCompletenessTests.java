package racecourse.grader.step;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import racecourse.grader.sandbox.ChildJvm;

/** A race-check run counts only when it ran to completion; every way of not finishing is caught. */
class RaceCompletenessTests {
    private static final Map<String, Object> START = Map.of("event", "start", "id", "probe");
    private static final Map<String, Object> PASSED = Map.of("event", "end", "id", "probe", "status", "passed");
    private static final Map<String, Object> DONE = Map.of("event", "done");
    private static final Map<String, Object> CLEAN = Map.of("count", 0L);

    private static ChildJvm.Result run(int exit, boolean timedOut, List<Map<String, Object>> reports) {
        return new ChildJvm.Result(new ArrayList<>(reports), exit, timedOut, "", Duration.ZERO);
    }

    @Test
    void aFinishedPassingRunIsComplete() {
        assertNull(DetectorRaceCheck.incomplete(run(0, false, List.of(START, PASSED, DONE)), CLEAN, null));
    }

    @Test
    void anExitInsideTheProbeIsNotComplete() {
        assertNotNull(DetectorRaceCheck.incomplete(run(0, false, List.of(START)), CLEAN, null));
    }

    @Test
    void aFailedProbeIsNotComplete() {
        String why = DetectorRaceCheck.incomplete(run(0, false, List.of(START, Map.of("event", "end", "id",
                "probe", "status", "failed", "message", "expected 4100 but was 0"), DONE)), CLEAN, null);
        assertTrue(why != null && why.contains("4100"), String.valueOf(why));
    }

    @Test
    void aStoppedRunIsNotComplete() {
        assertNotNull(DetectorRaceCheck.incomplete(run(3, false, List.of(START, Map.of("event", "abort",
                "reason", "too many threads"))), CLEAN, null));
        assertNotNull(DetectorRaceCheck.incomplete(run(-1, true, List.of(START)), CLEAN, null));
        assertNotNull(DetectorRaceCheck.incomplete(run(1, false, List.of(START, PASSED, DONE)), CLEAN, null));
    }

    @Test
    void graderCodeIsExcludedByItsCodeSourceWhenTheDetectorCan(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        java.nio.file.Path old = tmp.resolve("old.jar");
        java.nio.file.Path current = tmp.resolve("current.jar");
        jar(old, "racecourse/race/agent/RaceAgent.class");
        jar(current, "racecourse/race/instrument/SourceExclusions.class");
        assertTrue(DetectorRaceCheck.excludeSource(old).isEmpty());
        String option = DetectorRaceCheck.excludeSource(current);
        java.nio.file.Path graderCode = java.nio.file.Path.of(racecourse.grader.sandbox.Harness.class
                .getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(option.equals(",excludeSource=" + graderCode), option);
    }

    private static void jar(java.nio.file.Path file, String entry) throws Exception {
        try (var out = new java.util.jar.JarOutputStream(java.nio.file.Files.newOutputStream(file))) {
            out.putNextEntry(new java.util.jar.JarEntry(entry));
            out.closeEntry();
        }
    }

    @Test
    void aReportThatSaysIncompleteIsNotComplete() {
        assertNotNull(DetectorRaceCheck.incomplete(run(0, false, List.of(START, PASSED, DONE)),
                Map.of("count", 0L, "complete", false), null));
    }
}
