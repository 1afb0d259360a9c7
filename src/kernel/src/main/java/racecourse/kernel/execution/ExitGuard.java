package racecourse.kernel.execution;

/**
 * Stands in for {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} in cell code: instead of
 * ending the kernel, the call ends the cell with a {@link ExitAttempt}. Thread-safe.
 */
public final class ExitGuard {
    private ExitGuard() {
    }

    /** Replaces {@code System.exit(status)}. */
    public static void exit(int status) {
        throw new ExitAttempt("System.exit(" + status + ")");
    }

    /** Replaces {@code runtime.exit(status)}. */
    public static void exit(Runtime runtime, int status) {
        throw new ExitAttempt("Runtime.exit(" + status + ")");
    }

    /** Replaces {@code runtime.halt(status)}. */
    public static void halt(Runtime runtime, int status) {
        throw new ExitAttempt("Runtime.halt(" + status + ")");
    }

    /** Thrown where cell code tried to end the JVM. */
    public static final class ExitAttempt extends RuntimeException {
        ExitAttempt(String call) {
            super(call + " was called: in a notebook it ends only this cell; the kernel and its variables live on");
        }
    }
}
