package racecourse.explore.sched;

/**
 * Thrown inside a controlled thread to unwind it when its schedule has ended early (deadlock, step limit,
 * {@code System.exit}, a pruned schedule). Programs should not catch it; if one does, its next step throws again.
 * Immutable, so thread-safe.
 */
public final class ScheduleAborted extends Error {
    private static final long serialVersionUID = 1L;

    ScheduleAborted() {
        super("the schedule was ended by the explorer", null, false, false);
    }
}
