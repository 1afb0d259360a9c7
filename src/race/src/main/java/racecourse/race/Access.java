package racecourse.race;

import java.util.List;

/**
 * One of the two accesses of a data race.
 *
 * @param write whether it was a write
 * @param threadName the accessing thread's name
 * @param threadId the accessing thread's {@link Thread#threadId()}
 * @param stack the stack of the access, innermost first; the first frame is the accessing line
 * @param threadCreatedAt where the accessing thread was created or started (for a pool task: where it was
 *     submitted), innermost first (empty if unknown)
 * @param task whether the access was made by a pool task (a logical thread of its own), whose worker thread is
 *     {@code threadName}
 */
public record Access(boolean write, String threadName, long threadId, List<Frame> stack,
                     List<Frame> threadCreatedAt, boolean task) {
    /** Returns the accessing line: the first frame of the stack, or null if none is known. */
    public Frame location() {
        return stack.isEmpty() ? null : stack.getFirst();
    }
}
