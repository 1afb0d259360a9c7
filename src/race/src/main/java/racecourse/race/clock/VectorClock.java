package racecourse.race.clock;

import java.util.Arrays;

/**
 * A vector clock: one logical time per tracked thread, indexed by the thread's small detector id.
 *
 * <p>Kept sparse (sorted ids and times) while it knows few threads, dense (an array indexed by id) once
 * it knows many: a program that runs thousands of short tasks gives each a thread id, and each task's
 * clock knows only a handful of them. Not thread-safe: a thread's own clock is changed only by that
 * thread; clocks of synchronization objects are guarded by the object that holds them.
 */
public final class VectorClock {
    private static final int SPARSE_MAX = 32;

    private int[] dense; // null while sparse
    private int[] ids = new int[4];
    private int[] times = new int[4];
    private int size;

    /** Creates a clock where every thread is at time 0. */
    public VectorClock() {
    }

    /** Returns the time of thread {@code tid}. */
    public int get(int tid) {
        int[] d = dense;
        if (d != null) {
            return tid < d.length ? d[tid] : 0;
        }
        int i = Arrays.binarySearch(ids, 0, size, tid);
        return i >= 0 ? times[i] : 0;
    }

    /** Sets the time of thread {@code tid}. */
    public void set(int tid, int time) {
        if (dense != null) {
            if (tid >= dense.length) {
                dense = Arrays.copyOf(dense, Math.max(tid + 1, dense.length * 2));
            }
            dense[tid] = time;
            return;
        }
        int i = Arrays.binarySearch(ids, 0, size, tid);
        if (i >= 0) {
            times[i] = time;
            return;
        }
        if (size == SPARSE_MAX) {
            toDense(tid);
            dense[tid] = time;
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
    }

    private void toDense(int alsoTid) {
        int max = alsoTid;
        for (int i = 0; i < size; i++) {
            max = Math.max(max, ids[i]);
        }
        int[] d = new int[max + 1];
        for (int i = 0; i < size; i++) {
            d[ids[i]] = times[i];
        }
        dense = d;
        ids = null;
        times = null;
        size = 0;
    }

    /** Makes this clock the pointwise maximum of itself and {@code other}. */
    public void join(VectorClock other) {
        if (other.dense != null) {
            int[] o = other.dense;
            int n = o.length;
            while (n > 0 && o[n - 1] == 0) {
                n--;
            }
            if (dense == null) {
                toDense(n - 1);
            }
            if (n > dense.length) {
                dense = Arrays.copyOf(dense, n);
            }
            int[] t = dense;
            for (int i = 0; i < n; i++) {
                if (o[i] > t[i]) {
                    t[i] = o[i];
                }
            }
            return;
        }
        for (int i = 0; i < other.size; i++) {
            int tid = other.ids[i];
            int time = other.times[i];
            if (time > get(tid)) {
                set(tid, time);
            }
        }
    }

    /** Returns whether epoch {@code e} (see {@link Epochs}) is ordered before or at this clock. */
    public boolean covers(long e) {
        return Epochs.time(e) <= get(Epochs.tid(e));
    }

    /** Returns an independent copy. */
    public VectorClock copy() {
        VectorClock c = new VectorClock();
        if (dense != null) {
            c.dense = dense.clone();
            c.ids = null;
            c.times = null;
        } else {
            c.ids = Arrays.copyOf(ids, Math.max(4, size));
            c.times = Arrays.copyOf(times, Math.max(4, size));
            c.size = size;
        }
        return c;
    }

    @Override
    public String toString() {
        if (dense != null) {
            return Arrays.toString(dense);
        }
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < size; i++) {
            b.append(i == 0 ? "" : ", ").append(ids[i]).append('=').append(times[i]);
        }
        return b.append('}').toString();
    }
}
