package racecourse.coursemap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import racecourse.check.Question;
import racecourse.check.QuestionBank;

class LessonEvidenceTests {
    private static LessonEvidence.Cell md(String text) {
        return new LessonEvidence.Cell("markdown", text);
    }

    private static LessonEvidence.Cell code(String text) {
        return new LessonEvidence.Cell("code", text);
    }

    private static List<LessonEvidence.Cell> lesson(List<LessonEvidence.Cell> middle) {
        List<LessonEvidence.Cell> cells = new ArrayList<>(List.of(md("# 05 · Title\n\nTime: about 5 minutes."),
                code("var guess = Prediction.number(\"05\", \"q\", 3, \"ms\");")));
        cells.addAll(middle);
        return cells;
    }

    @Test
    void countsWordsCodePredictionsQuestionsAndTimings() {
        LessonEvidence e = LessonEvidence.of(lesson(List.of(
                code("Measurement m = Timing.of(\"t\", \"ms\", Better.LOWER).child(X.class)\n    .runs(Settings.pick(5, 9))\n    .run();"),
                code("guess.check(m.summary(\"a\").median())"),
                md("## Check your understanding\n\nOne two three."),
                md("**Question 05.1** (choose one)\n\nWhy?"), code("check(\"05.1\")"),
                md("**Question 05.2** (choose one)\n\nHow?"), code("check(\"05.2\")"),
                md("## Exercise"), md("## Going further\n\nmany words here that nobody has to read in class"),
                code("long t = System.nanoTime();"))));
        assertEquals(List.of("guess"), e.predictions());
        assertEquals(List.of(), e.unchecked());
        assertEquals(List.of("05.1", "05.2"), e.questions());
        assertTrue(e.checksLast());
        assertEquals(1, e.timings());
        assertEquals(5, e.fewestRuns(), "the quick-mode count of Settings.pick");
        assertEquals(3, e.codeCells(), "check cells and cells after Going further are not counted");
        assertEquals(1, e.clockReads());
        // a few words of reading, 3 code cells, 1 prediction and 2 questions: 6 minutes, rounded to 5
        assertEquals(5, e.minutes());
        assertEquals("05.1–05.2", e.questionList());
    }

    @Test
    void theTimeGrowsWithTheContentAndIsRoundedToFiveMinutes() {
        List<LessonEvidence.Cell> cells = new ArrayList<>();
        cells.add(md("word ".repeat(1_500)));              // 10 minutes of reading
        for (int i = 0; i < 12; i++) cells.add(code("int x" + i + " = " + i + ";"));
        assertEquals(20, LessonEvidence.of(cells).minutes(), "10 + 12 = 22, rounded to 20");
        cells.add(code("int more = 1;"));
        assertEquals(25, LessonEvidence.of(cells).minutes(), "10 + 13 = 23, rounded to 25");
        assertEquals(5, LessonEvidence.of(List.of(md("hi"))).minutes(), "never under 5");
    }

    @Test
    void anUncheckedPredictionAMisplacedOrRepeatedQuestionIsSeen() {
        LessonEvidence e = LessonEvidence.of(lesson(List.of(
                md("**Question 05.1** (choose one)"), code("check(\"05.1\")"),
                md("## More teaching"),
                md("**Question 05.1** (choose one)"), code("check(\"05.1\")"),
                code("var other = Prediction.choice(\"05\", \"q\", \"a\", \"a\", \"b\");\nother.check(\"a\");"))));
        assertEquals(List.of("guess"), e.unchecked());
        assertFalse(e.checksLast(), "a teaching section between the questions");
        assertEquals("05.1–05.1 (repeated)", e.questionList());
        LessonEvidence early = LessonEvidence.of(lesson(List.of(md("**Question 05.1** (choose one)"), code("check(\"05.1\")"),
                md("## Then more teaching"))));
        assertFalse(early.checksLast(), "a teaching section after the questions");
    }

    @Test
    void everyLessonPredictsChecksItsPredictionsEndsWithItsQuestionsAndTimesOnlyInChildJvms() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.isDirectory(root.resolve("notebooks"))) root = root.getParent();
        assertTrue(root != null, "not inside the course");
        List<Lesson> lessons = CourseMap.read(root.resolve("notebooks"));
        assertEquals(11, lessons.size());
        List<String> problems = new ArrayList<>();
        for (Lesson l : lessons) {
            LessonEvidence e = l.evidence();
            String n = l.number();
            if (e.predictions().isEmpty()) problems.add(n + ": no structured prediction");
            if (!e.unchecked().isEmpty()) problems.add(n + ": predictions never checked against a result: " + e.unchecked());
            if (e.questions().size() < 3 || e.questions().size() > 5) problems.add(n + ": " + e.questions().size() + " questions, not 3 to 5");
            if (new HashSet<>(e.questions()).size() != e.questions().size()) problems.add(n + ": a question shown twice: " + e.questions());
            if (!e.checksLast()) problems.add(n + ": the questions are not one section at the end");
            for (String id : e.questions()) if (!id.startsWith(n + ".")) problems.add(n + ": shows another lesson's question " + id);
            List<String> bank = QuestionBank.standard().all().stream().filter(q -> q.lesson().equals(n)).map(Question::id).toList();
            if (!new HashSet<>(e.questions()).containsAll(bank)) problems.add(n + ": the bank has " + bank + ", the lesson shows " + e.questions());
            if (e.timings() > 0 && e.fewestRuns() < 5) problems.add(n + ": a timing with fewer than 5 runs (or runs not readable)");
            if (e.clockReads() > 0) problems.add(n + ": " + e.clockReads() + " cell(s) read a clock in the notebook's JVM");
        }
        assertEquals(List.of(), problems);
    }
}
