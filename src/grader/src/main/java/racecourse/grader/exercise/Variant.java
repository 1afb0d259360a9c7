package racecourse.grader.exercise;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import racecourse.grader.format.Notebook;

/**
 * A graded variant of an exercise's solution ({@code exercises/NAME/variants/*.java}): replacement text for the
 * solution cell and, on its first line, the score it should get, as {@code // expect: 5/14 [timeout=2] [races] words}.
 * The optional {@code timeout} is the per-test timeout in seconds to grade it with (for variants that hang).
 * Immutable.
 *
 * @param name        file name without {@code .java}
 * @param text        the solution cell text
 * @param score       expected score
 * @param max         expected maximum score
 * @param testTimeout per-test timeout to grade it with, or null for the exercise's own
 * @param races       true when the race detector should find a race (the word {@code races} on the first line)
 * @param description what the variant shows
 */
public record Variant(String name, String text, double score, double max, Duration testTimeout, boolean races,
        String description) {
    private static final Pattern EXPECT = Pattern.compile(
            "^//\\s*expect:\\s*([0-9.]+)\\s*/\\s*([0-9.]+)(?:\\s+timeout=(\\d+))?(\\s+races)?\\s*(.*)$");

    /** Reads a variant file, failing clearly when its first line has no expectation. */
    public static Variant read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String first = text.lines().findFirst().orElse("");
        Matcher m = EXPECT.matcher(first.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(file + ": the first line must be `// expect: SCORE/MAX description`");
        }
        String name = file.getFileName().toString().replaceFirst("\\.java$", "");
        return new Variant(name, text, Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                m.group(3) == null ? null : Duration.ofSeconds(Long.parseLong(m.group(3))), m.group(4) != null,
                m.group(5));
    }

    /** The instructor notebook with its solution cell (grade_id = exercise name) replaced by {@code text}. */
    public static Notebook submission(Exercise exercise, String text) throws IOException {
        Notebook nb = exercise.readNotebook();
        boolean replaced = false;
        for (Notebook.Cell c : nb.cells()) {
            if (c.isSolution() && exercise.name().equals(c.gradeId())) {
                c.setSource(text);
                replaced = true;
            }
        }
        if (!replaced) {
            throw new IllegalArgumentException(exercise.notebook() + " has no solution cell with grade_id "
                    + exercise.name());
        }
        return nb;
    }
}
