package racecourse.grader.release;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import racecourse.grader.exercise.Course;
import racecourse.grader.exercise.Exercise;
import racecourse.grader.format.Notebook;
import racecourse.grader.format.Regions;

/**
 * Builds the student version of the course in an output folder: {@code notebooks/} and {@code exercises/} with every
 * solution region replaced by a stub that compiles and fails its tests, hidden-test regions, instructor cells and
 * outputs removed, and each exercise's {@code tests/hidden/} and {@code variants/} left out.
 *
 * <p>Not thread-safe: one release at a time per output folder.
 */
public final class Release {
    private final Course course;
    private final List<String> log = new ArrayList<>();

    /** A release of the given course. */
    public Release(Course course) {
        this.course = course;
    }

    /** What the release did, one line per file. */
    public List<String> log() {
        return log;
    }

    /** Writes the release into {@code out}, which must be empty or absent (nothing is overwritten). */
    public void write(Path out) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        if (target.startsWith(course.root().toAbsolutePath().normalize().resolve("exercises"))
                || target.startsWith(course.root().toAbsolutePath().normalize().resolve("notebooks"))) {
            throw new IllegalArgumentException("the release folder must not be inside the course's exercises/ or "
                    + "notebooks/");
        }
        if (Files.exists(target)) {
            try (var s = Files.list(target)) {
                if (s.findAny().isPresent()) {
                    throw new IllegalArgumentException(target + " is not empty; choose a new folder");
                }
            }
        }
        Files.createDirectories(target);
        Path notebooks = course.root().resolve("notebooks");
        if (Files.isDirectory(notebooks)) {
            copyTree(notebooks, target.resolve("notebooks"), List.of());
        }
        Files.createDirectories(target.resolve("exercises"));
        List<String> names = course.exerciseNames();
        for (String name : names) {
            Exercise ex = course.exercise(name);
            Path dest = target.resolve("exercises");
            writeNotebook(ex.notebook(), dest.resolve(name + ".ipynb"));
            Path dir = dest.resolve(name);
            Files.createDirectories(dir.resolve("tests"));
            Files.writeString(dir.resolve(Exercise.PROPERTIES), releasedProperties(ex));
            for (Path t : ex.visibleTestSources()) {
                Files.writeString(dir.resolve("tests").resolve(t.getFileName()),
                        Regions.strip(Files.readString(t), ""));
            }
            log.add("exercise " + name + ": notebook stubbed, " + ex.visibleTestSources().size()
                    + " visible test files, " + ex.hiddenTestSources().size() + " hidden left out");
        }
        ClassroomWorkflow.write(course, target);
        log.add("wrote " + ClassroomWorkflow.PATH + " and the grader's jars in " + ClassroomWorkflow.LIB);
        // Other notebooks in exercises/ that belong to no exercise folder are released like lesson notebooks.
        try (var s = Files.list(course.exercises())) {
            for (Path p : s.filter(p -> p.toString().endsWith(".ipynb")).toList()) {
                String base = p.getFileName().toString().replaceFirst("\\.ipynb$", "");
                if (!names.contains(base)) {
                    writeNotebook(p, target.resolve("exercises").resolve(p.getFileName()));
                }
            }
        }
    }

    /**
     * The exercise's settings as released: without the race test's name or any line that names a hidden test
     * class, so no hidden test or probe name ever reaches a student.
     */
    static String releasedProperties(Exercise ex) throws IOException {
        List<String> hidden = new java.util.ArrayList<>();
        for (Path p : ex.hiddenTestSources()) {
            hidden.add(p.getFileName().toString().replaceFirst("\\.java$", ""));
        }
        StringBuilder out = new StringBuilder();
        for (String line : Files.readAllLines(ex.dir().resolve(Exercise.PROPERTIES))) {
            // Explored checks are hidden checks: none of their lines is released.
            if (line.strip().startsWith("race.test") || line.strip().startsWith("explore.")
                    || hidden.stream().anyMatch(line::contains)) {
                continue;
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    private void copyTree(Path from, Path to, List<String> skip) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                String n = dir.getFileName().toString();
                if (n.equals(".ipynb_checkpoints") || skip.contains(n)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path dest = to.resolve(from.relativize(file).toString());
                if (file.toString().endsWith(".ipynb")) {
                    writeNotebook(file, dest);
                } else {
                    Files.copy(file, dest, StandardCopyOption.COPY_ATTRIBUTES);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Writes the student version of one notebook. */
    public void writeNotebook(Path source, Path dest) throws IOException {
        Notebook nb = Notebook.read(source);
        nb.setCells(studentCells(nb, source.getFileName().toString()));
        nb.write(dest);
        log.add("wrote " + dest);
    }

    /** The student version of a notebook's cells. */
    public static List<Notebook.Cell> studentCells(Notebook nb, String name) {
        List<Notebook.Cell> kept = new ArrayList<>();
        for (Notebook.Cell c : nb.cells()) {
            if (c.racecourseFlag("instructor")) {
                continue;
            }
            String src = c.source();
            try {
                if (c.isSolution() && !Regions.hasSolution(src)) {
                    src = Regions.FIELDS_STUB + "\n";
                } else {
                    src = Regions.stub(src);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ", cell " + (nb.cells().indexOf(c) + 1) + ": "
                        + e.getMessage(), e);
            }
            c.setSource(src);
            c.clearOutputs();
            kept.add(c);
        }
        return kept;
    }
}
