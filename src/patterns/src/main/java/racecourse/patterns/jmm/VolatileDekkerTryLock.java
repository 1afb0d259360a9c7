package racecourse.patterns.jmm;

/**
 * {@link DekkerTryLock} with both flags {@code volatile}. Volatile accesses fall in one total order that agrees
 * with each thread's program order, so a thread's raised flag cannot stay behind its look at the other flag
 * (on x86 the JIT puts a locked instruction after each volatile store, which empties the store buffer). At most
 * one of two threads gets in. Thread-safe for the two threads numbered 0 and 1.
 */
public final class VolatileDekkerTryLock {
    private volatile int flag0;
    private volatile int flag1;

    /**
     * Tries to enter for thread {@code me} (0 or 1) and says whether it got in.
     *
     * @throws IllegalArgumentException when {@code me} is neither 0 nor 1
     */
    public boolean tryLock(int me) {
        if (me == 0) {
            flag0 = 1;
            if (flag1 == 0) return true;
            flag0 = 0;
            return false;
        }
        if (me != 1) throw new IllegalArgumentException("thread number must be 0 or 1, got " + me);
        flag1 = 1;
        if (flag0 == 0) return true;
        flag1 = 0;
        return false;
    }

    /** Leaves, for thread {@code me} after a successful {@link #tryLock}. */
    public void unlock(int me) {
        if (me == 0) flag0 = 0;
        else flag1 = 0;
    }
}
