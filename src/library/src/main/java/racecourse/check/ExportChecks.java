package racecourse.check;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Writes the checks for the instructor: one nbgrader-style notebook per lesson (a locked question cell, an answer
 * cell whose solution region nbgrader clears, and an autograded test cell with the key hidden) and one
 * {@code answer-key.json}. Usage: {@code ExportChecks OUT_DIR [LESSON ...]}. Thread-safe (no state).
 */
public final class ExportChecks {
    private ExportChecks() {
    }

    /** Exports the lessons named (all when none are) to the folder given first. */
    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: ExportChecks OUT_DIR [LESSON ...]   (for example: ExportChecks build/checks 01 02)");
            System.exit(2);
        }
        List<Path> written = export(QuestionBank.standard(), Path.of(args[0]), List.of(args).subList(1, args.length));
        written.forEach(p -> System.out.println("wrote " + p));
    }

    /** Exports the lessons named (all when the list is empty) and returns the files written. */
    public static List<Path> export(QuestionBank bank, Path out, List<String> lessons) throws IOException {
        TreeSet<String> chosen = new TreeSet<>(lessons);
        if (chosen.isEmpty()) bank.all().forEach(q -> chosen.add(q.lesson()));
        Files.createDirectories(out);
        List<Path> written = new ArrayList<>();
        JsonObject key = new JsonObject();
        for (String lesson : chosen) {
            List<Question> questions = bank.lesson(lesson);
            if (questions.isEmpty()) throw new IllegalArgumentException("lesson " + lesson + " has no questions");
            Path file = out.resolve("checks-" + lesson + ".ipynb");
            Files.writeString(file, json(notebook(lesson, questions)), StandardCharsets.UTF_8);
            written.add(file);
            for (Question q : questions) {
                JsonObject entry = new JsonObject();
                entry.addProperty("kind", q.kind().name());
                JsonArray answer = new JsonArray();
                new TreeSet<>(q.correct()).forEach(answer::add);
                entry.add("answer", answer);
                entry.addProperty("explanation", q.explanation());
                key.add(q.id(), entry);
            }
        }
        Path keyFile = out.resolve("answer-key.json");
        Files.writeString(keyFile, json(key) + "\n", StandardCharsets.UTF_8);
        written.add(keyFile);
        return written;
    }

    /** The nbgrader-style notebook of one lesson's questions. */
    static JsonObject notebook(String lesson, List<Question> questions) {
        JsonArray cells = new JsonArray();
        cells.add(cell("markdown", "# Lesson " + lesson + ": checks for understanding\n\nAnswer each question with the "
                + "letter(s) of the option(s) in the cell below it, for example `\"b\"` or `\"a\", \"c\"`.", "intro", false, false, false, 0));
        for (Question q : questions) {
            String name = "q" + q.id().replace('.', '_');
            cells.add(cell("markdown", q.markdown(), name + "-prompt", false, false, false, 0));
            String variable = "answer" + q.id().replace(".", "_");
            cells.add(cell("code", "List<String> " + variable + " = List.of(\n    // BEGIN SOLUTION\n    "
                    + String.join(", ", new TreeSet<>(q.correct()).stream().map(l -> "\"" + l + "\"").toList())
                    + "\n    // END SOLUTION\n);", name + "-answer", false, true, false, 0));
            cells.add(cell("code", "// " + q.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + " question, 1 point\n// BEGIN HIDDEN TESTS\nracecourse.check.Check.grade(\"" + q.id() + "\", " + variable
                    + ", List.of(" + String.join(", ", new TreeSet<>(q.correct()).stream().map(l -> "\"" + l + "\"").toList())
                    + "));\n// END HIDDEN TESTS", name + "-test", true, false, true, 1));
        }
        JsonObject nb = new JsonObject();
        nb.add("cells", cells);
        JsonObject metadata = new JsonObject();
        JsonObject kernel = new JsonObject();
        kernel.addProperty("display_name", "Java 25 (Racecourse)");
        kernel.addProperty("language", "java");
        kernel.addProperty("name", "racecourse");
        metadata.add("kernelspec", kernel);
        JsonObject language = new JsonObject();
        language.addProperty("name", "java");
        language.addProperty("file_extension", ".jshell");
        language.addProperty("mimetype", "text/x-java-source");
        metadata.add("language_info", language);
        nb.add("metadata", metadata);
        nb.addProperty("nbformat", 4);
        nb.addProperty("nbformat_minor", 5);
        return nb;
    }

    private static JsonObject cell(String type, String source, String gradeId, boolean grade, boolean solution,
            boolean locked, int points) {
        JsonObject cell = new JsonObject();
        cell.addProperty("cell_type", type);
        cell.addProperty("id", gradeId);
        JsonObject nbgrader = new JsonObject();
        nbgrader.addProperty("grade", grade);
        nbgrader.addProperty("grade_id", gradeId);
        nbgrader.addProperty("locked", locked || (!solution && !grade && type.equals("markdown")));
        if (grade) nbgrader.addProperty("points", points);
        nbgrader.addProperty("schema_version", 3);
        nbgrader.addProperty("solution", solution);
        nbgrader.addProperty("task", false);
        JsonObject metadata = new JsonObject();
        metadata.add("nbgrader", nbgrader);
        cell.add("metadata", metadata);
        JsonArray lines = new JsonArray();
        String[] parts = source.split("(?<=\n)");
        for (String part : parts) lines.add(part);
        cell.add("source", lines);
        if (type.equals("code")) {
            cell.add("outputs", new JsonArray());
            cell.add("execution_count", null);
        }
        return cell;
    }

    private static String json(Object tree) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(tree);
    }
}
