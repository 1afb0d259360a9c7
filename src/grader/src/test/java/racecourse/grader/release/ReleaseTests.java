package racecourse.grader.release;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racecourse.grader.TestCourse;
import racecourse.grader.exercise.Course;
import racecourse.grader.exercise.Exercise;
import racecourse.grader.format.Notebook;

/** The student release holds no solution text, no hidden test and no instructor cell. */
class ReleaseTests {
    /** A copy of the course's exercises with one small lesson notebook, independent of lessons being written. */
    private static Course copyOfCourse(Path tmp) throws Exception {
        Path root = tmp.resolve("course");
        Path from = TestCourse.course().exercises();
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path dest = root.resolve("exercises").resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
        Files.createDirectories(root.resolve("notebooks"));
        Files.writeString(root.resolve("notebooks/01-lesson.ipynb"), """
                {"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": 3,
                  "source": ["int shown = 1;\\n", "// BEGIN HIDDEN TESTS\\n", "int hiddenCheck = 2;\\n",
                             "// END HIDDEN TESTS\\n"]}],
                 "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
                """);
        return Course.locate(root);
    }

    @Test
    void noSolutionOrHiddenTestReachesTheRelease(@TempDir Path out) throws Exception {
        Course course = copyOfCourse(out);
        new Release(course).write(out.resolve("rel"));
        StringBuilder released = new StringBuilder();
        // Lesson notebooks may show the same idioms on purpose; the release of exercises must not.
        try (Stream<Path> files = Files.walk(out.resolve("rel/exercises"))) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                released.append(Files.readString(p)).append('\n');
            }
        }
        String all = released.toString();
        StringBuilder shown = new StringBuilder();
        for (String name : course.exerciseNames()) {
            shown.append(visibleText(course.exercise(name)));
            for (Path v : course.exercise(name).visibleTestSources()) {
                shown.append(read(v));
            }
        }
        String publicText = shown.toString();
        for (String name : course.exerciseNames()) {
            Exercise ex = course.exercise(name);
            assertTrue(Files.isRegularFile(out.resolve("rel/exercises/" + name + ".ipynb")));
            assertFalse(Files.exists(out.resolve("rel/exercises/" + name + "/tests/hidden")));
            assertFalse(Files.exists(out.resolve("rel/exercises/" + name + "/variants")));
            for (String line : secretLines(ex, publicText)) {
                assertFalse(all.contains(line), name + ": solution or hidden-test text leaked: " + line);
            }
            String props = read(out.resolve("rel/exercises/" + name + "/exercise.properties"));
            for (Path h : ex.hiddenTestSources()) {
                String hiddenClass = h.getFileName().toString().replaceFirst("\\.java$", "");
                assertFalse(all.contains(hiddenClass) || props.contains(hiddenClass),
                        name + ": the hidden class name " + hiddenClass + " was released");
            }
            Notebook nb = Notebook.read(out.resolve("rel/exercises/" + name + ".ipynb"));
            assertTrue(nb.cells().stream().noneMatch(c -> c.racecourseFlag("instructor")));
            assertTrue(nb.cells().stream().anyMatch(c -> c.source().contains("exercise: write this")));
        }
        String lesson = Files.readString(out.resolve("rel/notebooks/01-lesson.ipynb"));
        assertTrue(lesson.contains("int shown = 1;"));
        assertFalse(lesson.contains("hiddenCheck"), lesson);
    }

    /** Distinctive lines of every solution region and hidden test file (short or shared lines are skipped). */
    private static List<String> secretLines(Exercise ex, String publicText) throws Exception {
        List<String> secrets = new ArrayList<>();
        for (Notebook.Cell c : ex.readNotebook().cells()) {
            boolean inside = false;
            for (String line : c.source().lines().toList()) {
                if (line.contains("BEGIN SOLUTION") || line.contains("BEGIN HIDDEN TESTS")) {
                    inside = true;
                } else if (line.contains("END SOLUTION") || line.contains("END HIDDEN TESTS")) {
                    inside = false;
                } else if (inside && line.strip().length() > 12) {
                    secrets.add(line.strip());
                }
            }
        }
        for (Path p : ex.hiddenTestSources()) {
            for (String line : Files.readAllLines(p)) {
                String s = line.strip();
                if (s.length() > 25 && !s.startsWith("import ")) {
                    secrets.add(s);
                }
            }
        }
        assertFalse(secrets.isEmpty(), ex + " has no secret lines to look for");
        List<String> distinctive = secrets.stream().filter(s -> !publicText.contains(s)).toList();
        assertTrue(distinctive.size() * 2 > secrets.size(), ex + ": too few distinctive secret lines to check");
        return distinctive;
    }

    private static String visibleText(Exercise ex) {
        StringBuilder out = new StringBuilder();
        try {
            for (Notebook.Cell c : ex.readNotebook().cells()) {
                if (!c.isSolution()) {
                    out.append(c.source()).append('\n');
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void refusesANonEmptyFolder(@TempDir Path out) throws Exception {
        Course course = copyOfCourse(out);
        Files.writeString(out.resolve("keep.txt"), "mine");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Release(course).write(out));
        assertTrue(e.getMessage().contains("not empty"));
        assertTrue(Files.readString(out.resolve("keep.txt")).equals("mine"));
    }
}
