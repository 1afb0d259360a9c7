package racecourse.compile;

/** Thrown when javac rejects sources; the message reads as javac's own. Immutable. */
public final class CompileException extends Exception {
    private static final long serialVersionUID = 1L;

    /** An exception whose message is the compiler's report. */
    public CompileException(String message) {
        super(message);
    }
}
