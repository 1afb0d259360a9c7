package racecourse.measure;

import java.time.Duration;
import java.util.List;

/**
 * Starts a main class in a fresh JVM and returns what it printed. The measurement helper depends only on this
 * interface, so the course's one process helper can be plugged in. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ChildRunner {
    /**
     * What a child JVM did.
     *
     * @param exitCode its exit status (-1 if it was stopped at the deadline)
     * @param out its standard output
     * @param err its standard error
     */
    record Output(int exitCode, String out, String err) {
    }

    /** Runs {@code mainClass} with these JVM options and arguments, stopping it after {@code deadline}. */
    Output run(Class<?> mainClass, List<String> jvmOptions, List<String> args, Duration deadline);
}
