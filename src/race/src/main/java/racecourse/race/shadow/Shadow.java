package racecourse.race.shadow;

import java.util.Arrays;

/**
 * The access history of one object's tracked variables: its fields, its array elements, or (for a
 * thread-unsafe collection) the collection as a whole.
 *
 * <p>Each variable has a slot of three longs: the last write's epoch, the last read's epoch (or
 * {@link racecourse.race.clock.Epochs#SHARED}), and the two access site ids. Thread-safe: changes happen
 * while holding this object's monitor; the same-epoch check of {@link FastTrack} reads without it.
 */
public final class Shadow {
    /** Field ids in slot order, or null for an array, whose slot is the element index. */
    int[] ids;
    long[] state; // guarded by this (writes)
    Object[] shared; // guarded by this; a ReadSet per slot in shared-read mode
    /** The tracking session this history belongs to (histories kept in objects outlive sessions). */
    public final Object session;
    /** The clock of the object as a lock or volatile holder, when kept here; guarded by this. */
    public volatile Object sync;

    private Shadow(Object session, int[] ids, long[] state) {
        this.session = session;
        this.ids = ids;
        this.state = state;
    }

    /** Creates the history of an object with named variables (fields, or one collection variable). */
    public static Shadow forFields(Object session) {
        return new Shadow(session, new int[0], new long[0]);
    }

    /** Creates the history of an array with {@code length} elements. */
    public static Shadow forArray(Object session, int length) {
        return new Shadow(session, null, new long[3 * length]);
    }

    /** Returns the current slot array (three longs per variable), for the lock-free same-epoch check. */
    public long[] state() {
        return state;
    }

    /** Returns the slot of field {@code fid} without adding it, or -1 (no lock needed). */
    int peekSlot(int fid) {
        int[] ids = this.ids;
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == fid) {
                return i;
            }
        }
        return -1;
    }

    /** Returns the slot of field {@code fid}, adding one. Caller holds this monitor. */
    int slot(int fid) {
        int s = peekSlot(fid);
        if (s >= 0) {
            return s;
        }
        int n = ids.length;
        long[] st = Arrays.copyOf(state, 3 * (n + 1));
        int[] newIds = Arrays.copyOf(ids, n + 1);
        newIds[n] = fid;
        if (shared != null) {
            shared = Arrays.copyOf(shared, n + 1);
        }
        state = st;
        ids = newIds;
        return n;
    }
}
