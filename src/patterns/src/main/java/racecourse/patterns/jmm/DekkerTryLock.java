package racecourse.patterns.jmm;

/**
 * The entry of Dekker's lock for two threads, numbered 0 and 1, in its try form: raise your own flag, then look
 * at the other's; if it is down, you are in, otherwise lower yours and give up. Under every interleaving at most
 * one thread gets in: whoever looks second sees the first one's flag. With plain fields that argument fails,
 * because each thread's store can wait in a store buffer while its load runs ahead (store buffering), so both
 * can see the other's flag down and both get in. Not thread-safe (broken on purpose; see
 * {@link VolatileDekkerTryLock}).
 */
public final class DekkerTryLock {
    private int flag0; // racy on purpose: written by thread 0, read by thread 1
    private int flag1; // racy on purpose: written by thread 1, read by thread 0

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
