package racecourse.patterns.clocks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import racecourse.patterns.threads.ChildJvm;

/**
 * Runs a main class of this library under the course's race detector, {@code bin/racecourse race}, in a child
 * process, and keeps what it printed: the program's output on stdout, the race reports on stderr. Finds the
 * launcher through {@code RACECOURSE_HOME} (set by the course's kernel) or by walking up from the working
 * directory. Thread-safe (no shared state).
 */
public final class DetectorRun {
    /** The exit status the detector uses when it found at least one race. */
    public static final int RACES_FOUND = 66;

    private DetectorRun() {
    }

    /** The course launcher, or null when it cannot be found. */
    public static Path launcher() {
        String home = System.getenv("RACECOURSE_HOME");
        if (home != null && Files.isExecutable(Path.of(home, "bin", "racecourse"))) return Path.of(home, "bin", "racecourse");
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("bin").resolve("racecourse");
            if (Files.isExecutable(candidate)) return candidate;
        }
        return null;
    }

    /** Runs {@code racecourse race -cp <this library> mainClass args...} and returns what happened. */
    public static ChildJvm.Result run(Class<?> mainClass, String... args) {
        Path launcher = launcher();
        if (launcher == null) {
            throw new IllegalStateException("cannot find bin/racecourse: set RACECOURSE_HOME to the course folder");
        }
        List<String> command = new ArrayList<>(List.of(launcher.toString(), "race", "-cp",
                ChildJvm.libraryClassPath(), mainClass.getName()));
        command.addAll(List.of(args));
        return ChildJvm.runCommand(command, Duration.ofSeconds(60));
    }

    /** Whether the launcher knows the {@code race} command (it is an optional part of some builds). */
    public static boolean available() {
        Path launcher = launcher();
        if (launcher == null) return false;
        ChildJvm.Result help = ChildJvm.runCommand(List.of(launcher.toString(), "race", "--help"), Duration.ofSeconds(30));
        return help.exitCode() == 0 && (help.out() + help.err()).contains("Usage: racecourse race");
    }
}
