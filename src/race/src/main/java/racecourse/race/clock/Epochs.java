package racecourse.race.clock;

/**
 * Epochs, FastTrack's compact form of "time {@code c} of thread {@code t}", packed in a {@code long}.
 *
 * <p>The low 24 bits hold the thread's detector id, the rest the time. The value 0 means "no access yet"
 * (times start at 1) and {@link #SHARED} marks a read history kept as a vector clock. Thread-safe (stateless).
 */
public final class Epochs {
    /** Marks a read history that is a vector clock rather than a single epoch. */
    public static final long SHARED = -1L;
    /** The largest detector thread id an epoch can hold. */
    public static final int MAX_TID = (1 << 24) - 1;

    private Epochs() {
    }

    /** Packs time {@code time} of thread {@code tid}. */
    public static long of(int tid, int time) {
        return ((long) time << 24) | tid;
    }

    /** Returns the thread id of an epoch. */
    public static int tid(long epoch) {
        return (int) (epoch & MAX_TID);
    }

    /** Returns the time of an epoch. */
    public static int time(long epoch) {
        return (int) (epoch >>> 24);
    }
}
