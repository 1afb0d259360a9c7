package racecourse.patterns.identity;

/**
 * Stands for the code deep in a call chain that needs to know the current user (a permission check, an audit log).
 * Thread-safe (no state).
 */
final class Audit {
    private Audit() {
    }

    /** The user the audit log records; {@code "anonymous"} when none is known. */
    static String record(String user) {
        return user == null ? "anonymous" : user;
    }
}
