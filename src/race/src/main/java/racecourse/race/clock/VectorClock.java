package racecourse.race.clock;

import java.util.Arrays;

/**
 * A vector clock: one logical time per tracked thread, indexed by the thread's small detector id.
 *
 * <p>Copies are cheap: a clock is a base array, shared copy-on-write between copies, plus a short sorted
 * list of entries that differ from it. A thread that starts thousands of threads hands each a copy of its
 * clock without copying the array; the differences are folded into a new base only when they grow long.
 *
 * <p>Not thread-safe: a thread's own clock is changed only by that thread; clocks of synchronization
 * objects are guarded by the object that holds them. Times only grow.
 */
public final class VectorClock {
    private static final int DELTA_MAX = 32;
    /** The largest base copied on write by {@link #set}; larger shared bases take differences. */
    private static final int OWN_MAX = 1024;
    private static final int[] EMPTY = new int[0];

    private int[] base = EMPTY;
    private boolean baseOwned;
    private int[] ids = new int[4];
    private int[] times = new int[4];
    private int size;
    /** Counts the changes made through {@link #set}, {@link #join} and copies into this clock. */
    private long version;

    /** Creates a clock where every thread is at time 0. */
    public VectorClock() {
    }

    /** Returns the time of thread {@code tid}. */
    public int get(int tid) {
        if (size > 0) {
            int i = Arrays.binarySearch(ids, 0, size, tid);
            if (i >= 0) {
                return times[i];
            }
        }
        int[] b = base;
        return tid < b.length ? b[tid] : 0;
    }

    /**
     * Sets the time of thread {@code tid} (times only grow). A base array shared with a copy is copied first
     * when it is small (copy on write), so that a thread's own clock keeps answering {@link #get} with one
     * array read; a large shared base keeps the change in the list of differences instead.
     */
    public void set(int tid, int time) {
        version++;
        if (baseOwned && tid < base.length) {
            base[tid] = time;
            return;
        }
        if (Math.max(base.length, tid + 1) <= OWN_MAX) {
            own(tid + 1);
            base[tid] = time;
            return;
        }
        int i = Arrays.binarySearch(ids, 0, size, tid);
        if (i >= 0) {
            times[i] = time;
            return;
        }
        int at = -i - 1;
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
            times = Arrays.copyOf(times, size * 2);
        }
        System.arraycopy(ids, at, ids, at + 1, size - at);
        System.arraycopy(times, at, times, at + 1, size - at);
        ids[at] = tid;
        times[at] = time;
        size++;
        if (size > DELTA_MAX) {
            fold();
        }
    }

    /** Makes the base an array of at least {@code length} entries owned by this clock, with no differences. */
    private void own(int length) {
        int n = Math.max(length, base.length);
        if (size > 0) {
            n = Math.max(n, ids[size - 1] + 1);
        }
        int[] b = baseOwned && n == base.length ? base : Arrays.copyOf(base, n);
        for (int i = 0; i < size; i++) {
            b[ids[i]] = times[i];
        }
        base = b;
        baseOwned = true;
        size = 0;
    }

    /** Folds the differences into a new base array owned by this clock. */
    private void fold() {
        own(0);
    }

    /** Makes this clock the pointwise maximum of itself and {@code other}. */
    public void join(VectorClock other) {
        if (other == this) {
            return;
        }
        version++;
        if (base.length == 0 && size == 0) {
            become(other);
            return;
        }
        if (other.base != base) {
            int[] o = other.base;
            int n = o.length;
            boolean bigger = false;
            if (size == 0) {
                // no differences here: compare the arrays directly
                int[] mine = base;
                for (int i = 0; i < n && !bigger; i++) {
                    bigger = o[i] > (i < mine.length ? mine[i] : 0);
                }
            } else {
                for (int i = 0; i < n && !bigger; i++) {
                    bigger = o[i] > get(i);
                }
            }
            if (bigger) {
                if (!baseOwned || size > 0) {
                    fold();
                }
                if (n > base.length) {
                    base = Arrays.copyOf(base, n);
                }
                int[] b = base;
                for (int i = 0; i < n; i++) {
                    if (o[i] > b[i]) {
                        b[i] = o[i];
                    }
                }
            }
        }
        for (int i = 0; i < other.size; i++) {
            int tid = other.ids[i];
            int time = other.times[i];
            if (time > get(tid)) {
                set(tid, time);
            }
        }
    }

    private void become(VectorClock other) {
        base = other.base;
        baseOwned = false;
        other.baseOwned = false;
        ids = Arrays.copyOf(other.ids, Math.max(4, other.size));
        times = Arrays.copyOf(other.times, Math.max(4, other.size));
        size = other.size;
    }

    /**
     * Returns a number that changes whenever this clock may have changed: equal numbers mean the clock holds
     * the same times as when the number was read.
     */
    public long version() {
        return version;
    }

    /** Returns whether epoch {@code e} (see {@link Epochs}) is ordered before or at this clock. */
    public boolean covers(long e) {
        return Epochs.time(e) <= get(Epochs.tid(e));
    }

    /** Returns an independent copy (sharing the base array until either side changes it). */
    public VectorClock copy() {
        VectorClock c = new VectorClock();
        c.become(this);
        return c;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("{");
        int n = base.length;
        if (size > 0) {
            n = Math.max(n, ids[size - 1] + 1);
        }
        for (int i = 0; i < n; i++) {
            int t = get(i);
            if (t != 0) {
                b.append(b.length() == 1 ? "" : ", ").append(i).append('=').append(t);
            }
        }
        return b.append('}').toString();
    }
}
