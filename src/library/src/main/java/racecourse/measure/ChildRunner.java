package racecourse.measure;

import java.time.Duration;
import java.util.List;
import racecourse.process.ChildJvm;
import racecourse.process.ProcessResult;

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

    /**
     * The course's child-JVM runner ({@link ChildJvm}): the running JDK's {@code java}, this JVM's class path, no
     * agent, so nothing loaded in a notebook's JVM changes what is measured.
     */
    static ChildRunner childJvm() {
        return (mainClass, jvmOptions, args, deadline) -> {
            ProcessResult result = ChildJvm.run(mainClass, jvmOptions, args, deadline);
            return new Output(result.exitCode(), result.out(), result.err());
        };
    }
}
