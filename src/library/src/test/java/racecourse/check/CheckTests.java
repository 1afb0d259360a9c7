package racecourse.check;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckTests {
    @Test
    void aRightAnswerShowsTheExplanation() {
        Marking m = Check.check("01.2", "b");
        assertTrue(m.right());
        assertTrue(m.text().startsWith("✔ Right. Each call is thread-safe"), m.text());
        assertTrue(Check.check("01.2", "A Race Condition").right(), "an option's text, any case, works too");
    }

    @Test
    void eachWrongOptionGetsItsOwnExplanationAndMissedOnesAreNamed() {
        Marking m = Check.check("01.3", "a", "b");
        assertFalse(m.right());
        assertEquals(2, m.feedback().size(), m.feedback().toString());
        assertTrue(m.feedback().get(0).startsWith("a) Each thread writes what it read plus 1"), m.feedback().get(0));
        assertTrue(m.feedback().get(1).startsWith("missed c): If one thread writes before the other reads"), m.feedback().get(1));
        assertTrue(m.toMimeBundle().data().get("text/markdown").contains("Not quite"));
    }

    @Test
    void noAnswerYetSaysHowToAnswer() {
        Marking m = Check.check("01.3");
        assertFalse(m.answered());
        assertFalse(m.right());
        assertTrue(m.text().contains("check(\"01.3\", \"a\", \"c\")"), m.text());
    }

    @Test
    void anAnswerThatIsNoOptionListsTheOptions() {
        var e = assertThrows(IllegalArgumentException.class, () -> Check.check("01.1", "maybe"));
        assertTrue(e.getMessage().contains("'maybe' is not one of the options") && e.getMessage().contains("d) neither"), e.getMessage());
        var missing = assertThrows(IllegalArgumentException.class, () -> Check.check("01.9", "a"));
        assertTrue(missing.getMessage().contains("01.1, 01.2, 01.3, 01.4"), missing.getMessage());
    }

    @Test
    void everyQuestionOfTheBankIsWellFormedAndMarksItsOwnKeyRight() {
        List<Question> all = QuestionBank.standard().all();
        assertTrue(all.size() >= 6);
        for (Question q : all) {
            assertTrue(Marking.of(q, q.correct()).right(), q.id());
            assertTrue(q.markdown().startsWith("**Question " + q.id() + "**"), q.markdown());
            for (int i = 0; i < q.options().size(); i++) {
                String letter = Question.letter(i);
                if (!q.correct().contains(letter)) assertFalse(Marking.of(q, Set.of(letter)).right(), q.id() + " " + letter);
            }
        }
    }

    @Test
    void malformedQuestionsAreRefusedWithTheirId() {
        var noWhy = assertThrows(IllegalArgumentException.class, () -> QuestionBank.read(new StringReader(
                "[{\"id\":\"03.1\",\"kind\":\"CHOICE\",\"prompt\":\"p\",\"options\":[\"x\",\"y\"],\"correct\":[\"a\"],\"why\":{},\"explanation\":\"e\"}]")));
        assertTrue(noWhy.getMessage().contains("03.1: option b is wrong but has no explanation"), noWhy.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Question("03.2", Question.Kind.CHOICE, "p", List.of("x", "y"),
                Set.of("a", "b"), Map.of(), "e"));
        assertThrows(IllegalArgumentException.class, () -> QuestionBank.read(new StringReader("[{")));
    }

    @Test
    void gradePassesTheKeyAndFailsAnythingElse() {
        assertDoesNotThrow(() -> Check.grade("01.3", List.of("c", "b"), List.of("b", "c")));
        AssertionError wrong = assertThrows(AssertionError.class, () -> Check.grade("01.3", List.of("b"), List.of("b", "c")));
        assertTrue(wrong.getMessage().contains("missed c)"), wrong.getMessage());
    }

    @Test
    void exportWritesAnNbgraderNotebookPerLessonAndTheAnswerKey(@TempDir Path out) throws IOException {
        List<Path> files = ExportChecks.export(QuestionBank.standard(), out, List.of("01"));
        assertEquals(List.of(out.resolve("checks-01.ipynb"), out.resolve("answer-key.json")), files);
        JsonObject nb = JsonParser.parseString(Files.readString(files.getFirst())).getAsJsonObject();
        JsonArray cells = nb.getAsJsonArray("cells");
        assertEquals(1 + 3 * 4, cells.size());
        int points = 0;
        for (var c : cells) {
            JsonObject meta = c.getAsJsonObject().getAsJsonObject("metadata").getAsJsonObject("nbgrader");
            assertEquals(3, meta.get("schema_version").getAsInt());
            String source = String.join("", c.getAsJsonObject().getAsJsonArray("source").asList().stream().map(e -> e.getAsString()).toList());
            if (meta.get("solution").getAsBoolean()) assertTrue(source.contains("// BEGIN SOLUTION"), source);
            if (meta.get("grade").getAsBoolean()) {
                points += meta.get("points").getAsInt();
                assertTrue(source.contains("// BEGIN HIDDEN TESTS") && source.contains("Check.grade(\""), source);
                assertTrue(meta.get("locked").getAsBoolean());
            }
        }
        assertEquals(4, points);
        JsonObject key = JsonParser.parseString(Files.readString(files.get(1))).getAsJsonObject();
        assertEquals("[\"b\",\"c\"]", key.getAsJsonObject("01.3").get("answer").toString());
        assertThrows(IllegalArgumentException.class, () -> ExportChecks.export(QuestionBank.standard(), out, List.of("99")));
    }

    @Test
    void questionsInTheNotebooksAreTheBanksWordForWordEachFollowedByItsCheck() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.isDirectory(root.resolve("notebooks"))) root = root.getParent();
        assertTrue(root != null, "not inside the course");
        int seen = 0;
        try (var files = Files.list(root.resolve("notebooks"))) {
            for (Path nb : files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList()) {
                JsonArray cells = JsonParser.parseString(Files.readString(nb)).getAsJsonObject().getAsJsonArray("cells");
                for (int i = 0; i < cells.size(); i++) {
                    String source = String.join("", cells.get(i).getAsJsonObject().getAsJsonArray("source").asList().stream()
                            .map(e -> e.getAsString()).toList());
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\*\\*Question (\\d\\d\\.\\d+)\\*\\*").matcher(source);
                    if (!m.find()) continue;
                    String id = m.group(1);
                    assertEquals(Check.question(id), source, nb.getFileName() + " cell " + i + " differs from the bank's question " + id);
                    String next = String.join("", cells.get(i + 1).getAsJsonObject().getAsJsonArray("source").asList().stream()
                            .map(e -> e.getAsString()).toList());
                    assertTrue(next.contains("check(\"" + id + "\""), nb.getFileName() + " cell " + (i + 1) + " should check " + id);
                    seen++;
                }
            }
        }
        assertTrue(seen >= 3, "questions found in the notebooks: " + seen);
    }
}
