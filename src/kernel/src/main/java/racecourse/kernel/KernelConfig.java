package racecourse.kernel;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The kernel's settings, read once from the environment: {@code RACECOURSE_CELL_TIMEOUT} (seconds a cell may run
 * before it is stopped; unset or 0 for no limit) and {@code RACECOURSE_OUTPUT_LIMIT} (bytes a cell may print;
 * default 1 MiB). Immutable.
 */
public record KernelConfig(long cellTimeoutSeconds, long outputLimit, List<Path> cellClasspath) {
    /** The kernel's version, reported to Jupyter: the build's, from the kernel jar's manifest. */
    public static final String VERSION = buildVersion();

    /**
     * Jars whose API cells compile against: the course's own (not the kernel's machinery) and the libraries the
     * lessons use. The JVM runs on every jar; leaving the rest (ICU, fastutil, JNA ...) off the compiler's path
     * makes JShell's start and each cell's compilation faster. {@code %jars} adds more.
     */
    private static final List<String> CELL_API = List.of("racecourse-library", "racecourse-patterns",
            "racecourse-stress", "racecourse-race", "racecourse-explore", "racecourse-jmm", "racecourse-grader", "tablesaw-core", "jfreechart", "jcstress-core",
            "junit-jupiter-api", "junit-platform-commons", "opentest4j", "apiguardian");

    /** Settings from the environment, with the cells' class path taken from this JVM's class path. */
    public static KernelConfig fromEnvironment() {
        return new KernelConfig(
                number("RACECOURSE_CELL_TIMEOUT", 0),
                number("RACECOURSE_OUTPUT_LIMIT", 1L << 20),
                cellClasspath(System.getProperty("java.class.path")));
    }

    /** The entries of a class path that cells compile against: folders, and the jars named in {@link #CELL_API}. */
    static List<Path> cellClasspath(String classpath) {
        return Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .filter(entry -> !entry.endsWith(".jar")
                        || CELL_API.stream().anyMatch(Path.of(entry).getFileName().toString()::startsWith))
                .map(Path::of)
                .toList();
    }

    /** The {@code Implementation-Version} of the kernel's jar, or "unknown" when run from classes outside a jar. */
    static String buildVersion() {
        String version = RacecourseKernel.class.getPackage().getImplementationVersion();
        return version == null || version.isBlank() ? "unknown" : version;
    }

    private static long number(String variable, long fallback) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) return fallback;
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed < 0) throw new NumberFormatException();
            return parsed;
        } catch (NumberFormatException e) {
            System.err.println("racecourse: ignoring " + variable + "=" + value + " (expected a whole number >= 0)");
            return fallback;
        }
    }
}
