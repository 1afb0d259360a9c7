package racecourse.kernel.execution;

/**
 * The stop checks that the kernel inserts into cell code at method entries and backward branches. A check
 * costs one volatile read while no stop is pending; when one is, the thread throws {@link CellStopped} if it
 * runs for a cell that was asked to stop. Thread-safe.
 */
public final class Stop {
    private static volatile boolean pending;

    private Stop() {
    }

    /** Marks that some cell was asked to stop, so that checks look closer. */
    static void raise() {
        pending = true;
    }

    /** Clears the pending flag once no stopped cell has threads left to check. */
    public static void settle() {
        pending = false;
    }

    /** Called from cell code: the fast path of the check. */
    public static void check() {
        if (pending) slowCheck();
    }

    private static void slowCheck() {
        CellRun run = CellRun.current();
        if (run != null && run.stopRequested()) {
            throw new CellStopped(run.stopReason());
        }
    }

    /** Thrown inside cell code to unwind a thread of a stopped cell. */
    public static final class CellStopped extends Error {
        CellStopped(String reason) {
            super(reason, null, false, false);
        }
    }
}
