package racecourse.patterns;

/**
 * Course-wide run settings. Lessons run short, headless-friendly experiments by default; set the environment
 * variable {@code RACECOURSE_LONG_RUNS=1} (or the system property {@code racecourse.longRuns=true}) before
 * starting the kernel to run the longer, more convincing versions. Thread-safe.
 */
public final class Settings {
    /** True when the longer versions of the experiments were asked for. */
    public static final boolean LONG_RUNS = Boolean.getBoolean("racecourse.longRuns")
            || "1".equals(System.getenv("RACECOURSE_LONG_RUNS"))
            || "true".equalsIgnoreCase(System.getenv("RACECOURSE_LONG_RUNS"));

    private Settings() {
    }

    /** Picks the quick or the long value of a size, count or time budget. */
    public static int pick(int quick, int longRun) {
        return LONG_RUNS ? longRun : quick;
    }

    /** Picks the quick or the long value of a size, count or time budget. */
    public static long pick(long quick, long longRun) {
        return LONG_RUNS ? longRun : quick;
    }
}
