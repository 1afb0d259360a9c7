package racecourse.explore.sched;

import java.util.function.BooleanSupplier;

/**
 * Why a controlled thread cannot take its next step yet, and the test the scheduler uses to see when it can.
 * A timed blocker may also proceed when no thread can run (its timeout passes). Immutable, so thread-safe.
 *
 * @param ready      true once the thread may proceed
 * @param what       what it waits for, with {@code %s} for the object ("to lock %s", "for %s to end")
 * @param timed      whether a timeout may end the wait
 * @param waitingFor the lock or object waited for, or null
 * @param afterTimeout when timed, true once the thread could go on after its timeout (it may need a lock back);
 *                   null means always
 */
record Blocker(BooleanSupplier ready, String what, boolean timed, Object waitingFor, BooleanSupplier afterTimeout) {
    /** An untimed blocker. */
    Blocker(BooleanSupplier ready, String what, Object waitingFor) {
        this(ready, what, false, waitingFor, null);
    }
}
