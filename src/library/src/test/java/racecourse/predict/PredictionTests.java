package racecourse.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racecourse.display.MimeBundle;

class PredictionTests {
    @TempDir
    Path dir;

    private PredictionLog log() {
        return new PredictionLog(dir.resolve(".racecourse").resolve("predictions.jsonl"));
    }

    @Test
    void aNumberSaysHowFarOffItWas() {
        Outcome far = Prediction.number("02", "requests per ms with 4 threads", 100, "per ms").check(230, log());
        assertFalse(far.right());
        assertEquals("too low by 130 (more than 25% off, a factor of 2.30)", far.howFar());
        assertEquals(130, far.distance());
        assertTrue(far.sentence().contains("you predicted 100 per ms; the result was 230 per ms"), far.sentence());
        Outcome near = Prediction.number("02", "q", 110, "").check(100, log());
        assertTrue(near.right());
        assertTrue(near.howFar().startsWith("too high by 10 (within 25%"), near.howFar());
        assertEquals("exactly right", Prediction.number("02", "q", 0, "").check(0, log()).howFar());
        assertEquals("too high by 5", Prediction.number("02", "q", 3, "").check(-2, log()).howFar());
    }

    @Test
    void aChoiceIsRightOrWrongAndMustBeAnOption() {
        var choice = Prediction.choice("05", "fastest at 99% readers", "mutex", "mutex", "read/write lock", "StampedLock");
        assertFalse(choice.check("StampedLock", log()).right());
        assertTrue(choice.check("mutex", log()).right());
        var e = assertThrows(IllegalArgumentException.class, () -> Prediction.choice("05", "q", "spinlock", "mutex", "StampedLock"));
        assertTrue(e.getMessage().contains("spinlock") && e.getMessage().contains("StampedLock"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> choice.check("nothing", log()));
    }

    @Test
    void aRangeSaysWhichSideAndHowFar() {
        var range = Prediction.range("01", "updates lost", 1_000, 5_000, "updates");
        assertTrue(range.check(1_000, log()).right());
        Outcome above = range.check(12_000, log());
        assertFalse(above.right());
        assertEquals("above your range by 7,000", above.howFar());
        assertEquals("below your range by 1,000", range.check(0, log()).howFar());
        assertThrows(IllegalArgumentException.class, () -> Prediction.range("01", "q", 5, 1, ""));
        assertThrows(IllegalArgumentException.class, () -> Prediction.number("01", "q", Double.NaN, ""));
        assertThrows(IllegalArgumentException.class, () -> Prediction.number("", "q", 1, ""));
    }

    @Test
    void theLogKeepsEveryOutcomeAndTheSummaryCountsThem() throws IOException {
        PredictionLog log = log();
        Prediction.number("02", "ratio", 2, "").check(2.1, log);
        Prediction.choice("05", "fastest", "mutex", "mutex", "StampedLock").check("StampedLock", log);
        Prediction.range("01", "lost", 0, 10, "").check(3, log);
        List<Outcome> read = log.read().outcomes();
        assertEquals(3, read.size());
        assertEquals("ratio", read.getFirst().question());
        assertEquals(3, Files.readAllLines(log.file()).size());
        MimeBundle summary = log.summary().toMimeBundle();
        String md = summary.data().get(MimeBundle.MARKDOWN);
        assertTrue(md.contains("2 of 3 right"), md);
        assertTrue(md.contains("| 05 | 0 | 1 |"), md);
        assertTrue(md.contains("| 01 | lost | 0–10 | 3 | ✔ inside your range |"), md);
        assertTrue(summary.text().contains("2 of 3 right"), summary.text());
    }

    @Test
    void unreadableLinesAreSkippedCountedAndKept() throws IOException {
        PredictionLog log = log();
        Prediction.number("02", "ratio", 2, "").check(2, log);
        Files.writeString(log.file(), "not json at all\n{\"lesson\":null}\n", java.nio.file.StandardOpenOption.APPEND);
        Prediction.number("03", "ms", 5, "").check(50, log);
        PredictionLog.Contents contents = log.read();
        assertEquals(2, contents.outcomes().size());
        assertEquals(2, contents.unreadable());
        assertTrue(Files.readString(log.file()).contains("not json at all"));
        assertTrue(log.summary().toMimeBundle().text().contains("2 line(s)"));
    }

    @Test
    void anEmptyLogSaysSo() {
        assertTrue(log().summary().toMimeBundle().text().contains("none yet"));
    }
}
