package racecourse.patterns.clocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import racecourse.process.ProcessResult;

class DetectorRunTests {
    // A report in the detector's text shape, written for this test (two races, one on each variable).
    private static final String TWO_RACES = """
            ==================
            WARNING: DATA RACE
            Write at Pair.left by thread "one" (#21):
              Pair.set(Pair.java:5)

            Previous read at Pair.left by thread "two" (#22):
              Pair.get(Pair.java:9)
            ==================
            ==================
            WARNING: DATA RACE
            Read at Pair.right by thread "two" (#22):
              Pair.get(Pair.java:10)

            Previous write at Pair.right by thread "one" (#21):
              Pair.set(Pair.java:6)
            ==================
            Found 2 data race(s)
            """;

    @Test
    void splitsTheReportsAndNamesTheirVariables() {
        List<String> reports = DetectorRun.reports(TWO_RACES);
        assertEquals(2, reports.size());
        assertTrue(reports.get(0).startsWith("WARNING: DATA RACE\nWrite at Pair.left"), reports.get(0));
        assertFalse(reports.get(1).contains("=="), reports.get(1));
        assertEquals(List.of("Pair.left", "Pair.right"), List.copyOf(DetectorRun.variables(TWO_RACES)));
    }

    @Test
    void verdictTellsRacesCleanRunsAndFailuresApart() {
        Duration d = Duration.ofSeconds(1);
        assertEquals("2 data race(s) on Pair.left, Pair.right",
                DetectorRun.verdict(ProcessResult.of(DetectorRun.RACES_FOUND, "", TWO_RACES, d)));
        ProcessResult clean = ProcessResult.of(0, "done", "racecourse race: no data races found\n", d);
        assertEquals("no data race", DetectorRun.verdict(clean));
        assertTrue(DetectorRun.finished(clean));
        ProcessResult broken = ProcessResult.of(2, "", "\nerror: class Nope not found\n", d);
        assertEquals("the detector run failed (exit status 2): error: class Nope not found", DetectorRun.verdict(broken));
        assertFalse(DetectorRun.finished(broken));
    }

    @Test
    void explainsEachLineOfOneReport() {
        List<ReportLines.Line> lines = ReportLines.explain(DetectorRun.reports(TWO_RACES).getFirst());
        assertEquals(5, lines.size());
        assertTrue(lines.get(1).meaning().contains("a write of Pair.left by thread one"), lines.get(1).meaning());
        assertTrue(lines.get(2).meaning().contains("start reading here"), lines.get(2).meaning());
        assertTrue(lines.get(3).meaning().contains("a read of the same variable by thread two"), lines.get(3).meaning());
    }

    @Test
    void readsAReportWhoseSidesArePoolTasks() throws IOException {
        // captured from `racecourse race` on two executor tasks that increment one plain field
        String err;
        try (InputStream in = DetectorRunTests.class.getResourceAsStream("pool-task-report.txt")) {
            err = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(List.of("ExecutorRacy.hits"), List.copyOf(DetectorRun.variables(err)));
        assertEquals("1 data race(s) on ExecutorRacy.hits",
                DetectorRun.verdict(ProcessResult.of(DetectorRun.RACES_FOUND, "", err, Duration.ofSeconds(1))));
        List<ReportLines.Line> lines = ReportLines.explain(DetectorRun.reports(err).getFirst());
        List<String> meanings = lines.stream().map(ReportLines.Line::meaning).toList();
        assertTrue(meanings.get(1).contains("a read of ExecutorRacy.hits by a pool task run by thread pool-1-thread-2"),
                meanings.get(1));
        assertTrue(meanings.get(2).contains("start reading here"), meanings.get(2));
        assertTrue(meanings.get(3).contains("folded"), meanings.get(3));
        assertTrue(meanings.get(4).contains("a write of the same variable by a pool task run by thread pool-1-thread-1"),
                meanings.get(4));
        assertTrue(meanings.get(7).contains("where the pool task run by thread pool-1-thread-2 was handed to its pool"),
                meanings.get(7));
        assertEquals("the call that submitted the task", meanings.get(8));
    }
}
