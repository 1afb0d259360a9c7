package racecourse.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Finds the external programs the course uses (Jupyter and the Python that runs it). Thread-safe. */
final class Tools {
    private Tools() {
    }

    /** The first executable called {@code name} on PATH, then in /usr/bin. */
    static Optional<Path> find(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : (path + java.io.File.pathSeparator + "/usr/bin").split(java.io.File.pathSeparator)) {
            if (dir.isBlank()) continue;
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    /** The Python interpreter named on the first line of a script such as {@code jupyter}, if any. */
    static Optional<Path> interpreterOf(Path script) {
        try {
            List<String> first = Files.readAllLines(script).stream().limit(1).toList();
            if (first.isEmpty() || !first.get(0).startsWith("#!")) return Optional.empty();
            String[] words = first.get(0).substring(2).trim().split("\\s+");
            if (words[0].endsWith("/env") && words.length > 1) return find(words[1]);
            return Optional.of(Path.of(words[0]));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The course's root folder: $RACECOURSE_HOME, else the nearest parent of the working folder with notebooks/. */
    static Path courseRoot() {
        String home = System.getenv("RACECOURSE_HOME");
        if (home != null && !home.isBlank()) return Path.of(home).toAbsolutePath();
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("notebooks")) && Files.isDirectory(dir.resolve("kernel-setup"))) return dir;
        }
        throw new IllegalStateException("cannot find the course folder (one with notebooks/ and kernel-setup/);"
                + " run from inside it or set RACECOURSE_HOME");
    }
}
