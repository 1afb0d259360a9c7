package racecourse.explore.sched;

import java.util.concurrent.locks.LockSupport;

/**
 * The hand-off flag of one real thread: another thread {@link #pass()}es it, the owner {@link #await()}s it. The
 * owner spins briefly before parking, so a quick hand-off costs no system call. Thread-safe.
 */
final class Baton {
    private static final int SPINS = 200;
    private final Thread owner;
    private volatile boolean go;
    private volatile boolean parked;
    private volatile boolean waiting;

    Baton(Thread owner) {
        this.owner = owner;
    }

    /** Lets the owner run. */
    void pass() {
        go = true;
        if (parked) LockSupport.unpark(owner);
    }

    /** Whether the owner is waiting in {@link #await()} (so it is not running code of its own). */
    boolean waiting() {
        return waiting;
    }

    /** Waits (owner only) until passed. */
    void await() {
        waiting = true;
        int spins = SPINS;
        while (!go) {
            if (spins > 0) {
                spins--;
                Thread.onSpinWait();
            } else {
                parked = true;
                if (!go) LockSupport.park(this);
                parked = false;
            }
        }
        go = false;
        waiting = false;
    }

    /** Waits (owner only) up to {@code nanos}; returns whether it was passed (and consumes the pass). */
    boolean await(long nanos) {
        long deadline = System.nanoTime() + nanos;
        waiting = true;
        int spins = SPINS;
        while (!go) {
            if (spins > 0) {
                spins--;
                Thread.onSpinWait();
                continue;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                waiting = false;
                return false;
            }
            parked = true;
            if (!go) LockSupport.parkNanos(this, left);
            parked = false;
        }
        go = false;
        waiting = false;
        return true;
    }
}
