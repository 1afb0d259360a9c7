package racecourse.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import racecourse.grader.TestCourse;
import racecourse.json.Json;

/** The picocli commands: exit statuses, files written, clear errors. One real grading (a child JVM). */
class CommandsTests {
    private static final String COURSE = TestCourse.course().root().toString();

    private static int run(Object command, StringWriter err, String... args) {
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void gradeWritesResultsAndFeedbackAndExitsZeroAtFullScore(@TempDir Path tmp) throws Exception {
        Path results = tmp.resolve("results.json");
        Path feedback = tmp.resolve("feedback.md");
        int code = run(new GradeCommand(), new StringWriter(), "bank", COURSE + "/exercises/bank.ipynb",
                "--course", COURSE, "--results", results.toString(), "--feedback", feedback.toString());
        var json = Json.parseObject(Files.readString(results));
        assertEquals(((Number) json.get("max_score")).doubleValue(), ((Number) json.get("score")).doubleValue());
        assertEquals(0, code, Files.readString(feedback));
        assertTrue(json.get("tests") instanceof java.util.List<?> l && !l.isEmpty());
        assertTrue(Files.readString(feedback).contains("# Feedback: bank"));
    }

    @Test
    void badInputGetsAClearErrorAndStatusTwo(@TempDir Path tmp) {
        StringWriter err = new StringWriter();
        assertEquals(2, run(new GradeCommand(), err, "nope", "x.ipynb", "--course", COURSE));
        assertTrue(err.toString().contains("no exercise 'nope'"), err.toString());
        err = new StringWriter();
        assertEquals(2, run(new GradeCommand(), err, "bank", tmp.resolve("missing.ipynb").toString(),
                "--course", COURSE));
        assertTrue(err.toString().contains("no such submission"), err.toString());
        err = new StringWriter();
        assertEquals(2, run(new GradeAllCommand(), err, "bank", tmp.resolve("none").toString(), "--gradebook",
                tmp.resolve("g.csv").toString(), "--course", COURSE));
        assertTrue(err.toString().contains("no such folder"), err.toString());
    }
}
