package racecourse.compile;

import java.util.List;

/**
 * Thrown when javac rejects sources, or cannot run; the message reads as javac's own report. Immutable.
 */
public final class CompileException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The errors javac reported, in its order; empty when the compiler could not run at all. */
    private final List<CompileError> errors;

    /** An exception whose message is the reason the compiler could not run. */
    public CompileException(String message) {
        this(message, List.of());
    }

    /** An exception whose message is the compiler's report of {@code errors}. */
    public CompileException(String message, List<CompileError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    /** The errors javac reported, in its order; empty when the compiler could not run at all. */
    public List<CompileError> errors() {
        return errors;
    }
}
