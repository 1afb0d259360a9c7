package racecourse.explore.sched;

/**
 * How one schedule ended. Immutable, so thread-safe.
 *
 * @param kind    the kind of ending
 * @param summary a one-line description that identifies the outcome ("result 1", "deadlock", ...)
 * @param detail  more lines (the deadlock's threads, the stack of an exception), or ""
 */
public record Ending(Kind kind, String summary, String detail) {
    /** The kinds of ending. */
    public enum Kind {
        /** Every thread ended normally. */
        COMPLETED,
        /** A thread threw (an assertion failure or another exception). */
        FAILURE,
        /** No thread could run while some were blocked. */
        DEADLOCK,
        /** The schedule took more steps than allowed: a livelock or an endless loop. */
        STEP_LIMIT,
        /** The program called {@code System.exit}. */
        EXIT,
        /** The program started more threads than allowed. */
        THREAD_CAP,
        /** A thread blocked in a way the explorer does not model, or ran without a step for too long. */
        UNSUPPORTED,
        /** The strategy dropped the schedule as redundant (not counted). */
        DROPPED,
        /** A given schedule named a thread that could not run at that step. */
        REPLAY_ERROR
    }

    /** Whether this ending is a failure worth a witness (anything but a normal end or a dropped schedule). */
    public boolean failure() {
        return kind != Kind.COMPLETED && kind != Kind.DROPPED;
    }
}
