package racecourse.grader.sandbox;

/**
 * The call the rewriter puts in front of every use of a blocked API in a submission: it always throws, so the blocked
 * operation never happens. Thread-safe (stateless).
 */
public final class Denied {
    private Denied() {
    }

    /** Throws a {@link SecurityException} naming the blocked API. */
    public static void deny(String what) {
        throw new SecurityException(what + " is not allowed in a graded submission");
    }
}
