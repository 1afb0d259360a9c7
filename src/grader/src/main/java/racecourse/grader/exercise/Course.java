package racecourse.grader.exercise;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The course root: the folder that holds {@code exercises/} and {@code notebooks/}. Thread-safe (immutable).
 *
 * @param root the course root folder
 */
public record Course(Path root) {

    /** The course at {@code explicit} when given, else the first folder upward from the current directory. */
    public static Course locate(Path explicit) {
        if (explicit != null) {
            Path p = explicit.toAbsolutePath().normalize();
            if (!Files.isDirectory(p.resolve("exercises"))) {
                throw new IllegalArgumentException(p + " is not a course folder: it has no exercises/ folder");
            }
            return new Course(p);
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("exercises")) && Files.isDirectory(p.resolve("notebooks"))) {
                return new Course(p);
            }
        }
        throw new IllegalArgumentException("no course folder (with exercises/ and notebooks/) in " + start
                + " or above it; run from inside the course or pass --course DIR");
    }

    /** The exercises folder. */
    public Path exercises() {
        return root.resolve("exercises");
    }

    /** Loads one exercise by name. */
    public Exercise exercise(String name) throws IOException {
        return Exercise.load(exercises(), name);
    }

    /** The names of every exercise (folders under exercises/ with an exercise.properties file), sorted. */
    public List<String> exerciseNames() throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(exercises())) {
            dirs.filter(d -> Files.isRegularFile(d.resolve(Exercise.PROPERTIES)))
                    .forEach(d -> names.add(d.getFileName().toString()));
        }
        names.sort(null);
        return names;
    }
}
