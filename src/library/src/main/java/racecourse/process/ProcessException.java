package racecourse.process;

/**
 * A child process could not be started, was interrupted while the caller waited for it, or (from
 * {@link ProcessResult#orThrow()}) did not succeed. The message names the command and, when there is one, the end of
 * its error output. Immutable, hence thread-safe.
 */
public final class ProcessException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with the given message. */
    public ProcessException(String message) {
        super(message);
    }

    /** An exception with the given message and cause. */
    public ProcessException(String message, Throwable cause) {
        super(message, cause);
    }
}
