package racecourse.patterns.clocks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import racecourse.process.ChildJvm;
import racecourse.process.ProcessResult;
import racecourse.process.ProcessRunner;

/**
 * Runs a main class of this library under the course's race detector, {@code bin/racecourse race}, in a child
 * process, and keeps what it printed: the program's output on stdout, the race reports on stderr. Finds the
 * launcher through {@code RACECOURSE_HOME} (set by the course's kernel) or by walking up from the working
 * directory. Thread-safe (no shared state).
 */
public final class DetectorRun {
    /** The exit status the detector uses when it found at least one race. */
    public static final int RACES_FOUND = 66;

    private static final String SEPARATOR = "==================";
    private static final Pattern ACCESS = Pattern.compile("(?m)^(?:Read|Write) at (\\S+) by (?:thread|pool task)");

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

    /**
     * Runs {@code racecourse race -cp <this library> mainClass args...} and returns what happened: exit status
     * {@link #RACES_FOUND} with the reports on stderr, or 0 when the run had no data race. Throws
     * {@link IllegalStateException}, with the detector's own message, when the launcher cannot be found or the
     * detector run failed (any other exit status, for example a timeout).
     */
    public static ProcessResult run(Class<?> mainClass, String... args) {
        Path launcher = launcher();
        if (launcher == null) {
            throw new IllegalStateException("cannot find bin/racecourse: set RACECOURSE_HOME to the course folder");
        }
        List<String> command = new ArrayList<>(List.of(launcher.toString(), "race", "-cp",
                ChildJvm.classPathOf(DetectorRun.class), mainClass.getName()));
        command.addAll(List.of(args));
        ProcessResult result = ProcessRunner.of(command).timeout(Duration.ofSeconds(60)).run();
        if (!finished(result)) {
            throw new IllegalStateException(verdict(result) + "\n" + result.err().strip() + "\n" + result.out().strip());
        }
        return result;
    }

    /**
     * The race reports in a detector's error output, one string per report (the lines between two
     * {@code ==================} lines, without them), in the order they were printed.
     */
    public static List<String> reports(String err) {
        List<String> reports = new ArrayList<>();
        StringBuilder current = null;
        for (String line : err.split("\n", -1)) {
            if (line.equals(SEPARATOR)) {
                if (current == null) {
                    current = new StringBuilder();
                } else {
                    reports.add(current.toString().stripTrailing());
                    current = null;
                }
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        return reports;
    }

    /** The variables the reports name (the {@code Class.field} after "Read at" or "Write at"), each once. */
    public static Set<String> variables(String err) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = ACCESS.matcher(err);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    /**
     * One line saying what a detector run found: the races and their variables, no race, or that the run itself
     * failed (any exit status other than 0 and {@link #RACES_FOUND}, with the first line of its error output).
     */
    public static String verdict(ProcessResult run) {
        int races = reports(run.err()).size();
        if (run.exitCode() == RACES_FOUND) {
            return races + " data race(s) on " + String.join(", ", variables(run.err()));
        }
        if (run.exitCode() == 0 && races == 0) return "no data race";
        String first = run.err().lines().filter(l -> !l.isBlank()).findFirst().orElse("(no error output)");
        return "the detector run failed (exit status " + run.exitCode() + "): " + first;
    }

    /** Whether the run finished normally: races found (66) or a clean exit (0). */
    public static boolean finished(ProcessResult run) {
        return run.exitCode() == RACES_FOUND || run.exitCode() == 0;
    }
}
