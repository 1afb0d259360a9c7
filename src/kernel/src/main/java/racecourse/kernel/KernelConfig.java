package racecourse.kernel;

/**
 * The kernel's settings, read once from the environment: {@code RACECOURSE_CELL_TIMEOUT} (seconds a cell may run
 * before it is stopped; unset or 0 for no limit) and {@code RACECOURSE_OUTPUT_LIMIT} (bytes a cell may print;
 * default 1 MiB). Immutable.
 */
public record KernelConfig(long cellTimeoutSeconds, long outputLimit) {
    /** The kernel's version, reported to Jupyter: the build's, from the kernel jar's manifest. */
    public static final String VERSION = buildVersion();

    /** Settings from the environment. */
    public static KernelConfig fromEnvironment() {
        return new KernelConfig(number("RACECOURSE_CELL_TIMEOUT", 0), number("RACECOURSE_OUTPUT_LIMIT", 1L << 20));
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
