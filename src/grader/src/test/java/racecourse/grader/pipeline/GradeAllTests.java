package racecourse.grader.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racecourse.grader.TestCourse;
import racecourse.grader.exercise.Exercise;
import racecourse.grader.step.RaceCheck;

/**
 * grade-all writes one row per submission and, run again after being stopped, grades only what is missing. Uses two
 * real gradings (child JVMs) and cheap broken submissions for the rest.
 */
class GradeAllTests {
    private static final RaceCheck NO_RACE = (e, s, c, t) -> new RaceCheck.Outcome(false, false, 0, "off in this test");

    @Test
    void resumesWithoutRegradingOrLosingRows(@TempDir Path tmp) throws Exception {
        Exercise bank = TestCourse.course().exercise("bank");
        Path dir = Files.createDirectories(tmp.resolve("subs"));
        Files.copy(bank.notebook(), dir.resolve("alice.ipynb"));
        Files.copy(bank.notebook(), dir.resolve("bob.ipynb"));
        Files.writeString(dir.resolve("carol.ipynb"), "{ not json");
        Files.writeString(dir.resolve("dave.ipynb"), "{\"cells\": [], \"metadata\": {}, \"nbformat\": 4}");
        Files.writeString(dir.resolve("notes.txt"), "not a submission");
        Path csv = tmp.resolve("gradebook.csv");
        // A run that was killed after grading alice, in the middle of writing bob's row.
        Files.writeString(csv, Gradebook.HEADER + "\nalice.ipynb,12,12,full,3,\nbob.ipynb,1");
        Grader grader = new Grader(NO_RACE, Duration.ofSeconds(10));
        GradeAll.Summary s = new GradeAll(grader).run(bank, dir, Gradebook.open(csv), 2, tmp.resolve("out"),
                line -> { });
        assertEquals(new GradeAll.Summary(3, 1, 0), s);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(5, lines.size(), String.join("\n", lines));
        Map<String, List<String>> rows = Gradebook.open(csv).rows();
        assertEquals("full", rows.get("bob.ipynb").get(3));
        assertEquals("0", rows.get("carol.ipynb").get(1));
        assertEquals("0", rows.get("dave.ipynb").get(1));
        assertTrue(Files.readString(tmp.resolve("out/carol.feedback.md")).contains("could not be read"));
        assertTrue(Files.readString(tmp.resolve("out/dave.feedback.md")).contains("No solution cell"));
        GradeAll.Summary again = new GradeAll(grader).run(bank, dir, Gradebook.open(csv), 2, null, line -> { });
        assertEquals(new GradeAll.Summary(0, 4, 0), again);
        assertEquals(5, Files.readAllLines(csv).size());
    }

    @Test
    void anErrorInOneGradingCostsOnlyThatSubmission(@TempDir Path tmp) throws Exception {
        Exercise bank = TestCourse.course().exercise("bank");
        Path dir = Files.createDirectories(tmp.resolve("subs"));
        Files.copy(bank.notebook(), dir.resolve("alice.ipynb"));
        Files.copy(bank.notebook(), dir.resolve("bob.ipynb"));
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        // The first race check blows the grader's own stack; the other submission must still be graded.
        RaceCheck brittle = (e, s, c, t) -> {
            if (calls.getAndIncrement() == 0) {
                throw new StackOverflowError("in the grader");
            }
            return new RaceCheck.Outcome(false, false, 0, "off in this test");
        };
        Path csv = tmp.resolve("gradebook.csv");
        GradeAll.Summary s = new GradeAll(new Grader(brittle, Duration.ofSeconds(10)))
                .run(bank, dir, Gradebook.open(csv), 1, null, line -> { });
        assertEquals(new GradeAll.Summary(1, 0, 1), s);
        Map<String, List<String>> rows = Gradebook.open(csv).rows();
        assertEquals(2, rows.size(), rows.toString());
        assertTrue(rows.values().stream().anyMatch(r -> r.get(3).equals("error")), rows.toString());
        assertTrue(rows.values().stream().anyMatch(r -> r.get(3).equals("full")), rows.toString());
    }

    @Test
    void refusesAFileThatIsNotAGradebook(@TempDir Path tmp) throws Exception {
        Path csv = tmp.resolve("other.csv");
        Files.writeString(csv, "name,grade\nx,1\n");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Gradebook.open(csv));
        assertTrue(e.getMessage().contains("not a racecourse gradebook"));
        assertEquals("name,grade\nx,1\n", Files.readString(csv));
    }
}
