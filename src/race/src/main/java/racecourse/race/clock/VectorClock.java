package racecourse.race.clock;

import java.util.Arrays;

/**
 * A vector clock: one logical time per tracked thread, indexed by the thread's small detector id.
 *
 * <p>Not thread-safe: a thread's own clock is changed only by that thread; clocks of synchronization
 * objects are guarded by the object that holds them.
 */
public final class VectorClock {
    private int[] times;

    /** Creates a clock where every thread is at time 0. */
    public VectorClock() {
        times = new int[4];
    }

    private VectorClock(int[] times) {
        this.times = times;
    }

    /** Returns the time of thread {@code tid}. */
    public int get(int tid) {
        int[] t = times;
        return tid < t.length ? t[tid] : 0;
    }

    /** Sets the time of thread {@code tid}. */
    public void set(int tid, int time) {
        if (tid >= times.length) {
            times = Arrays.copyOf(times, Math.max(tid + 1, times.length * 2));
        }
        times[tid] = time;
    }

    /** Makes this clock the pointwise maximum of itself and {@code other}. */
    public void join(VectorClock other) {
        int[] o = other.times;
        int n = o.length;
        while (n > 0 && o[n - 1] == 0) {
            n--;
        }
        if (n > times.length) {
            times = Arrays.copyOf(times, n);
        }
        int[] t = times;
        for (int i = 0; i < n; i++) {
            if (o[i] > t[i]) {
                t[i] = o[i];
            }
        }
    }

    /** Returns whether epoch {@code e} (see {@link Epochs}) is ordered before or at this clock. */
    public boolean covers(long e) {
        return Epochs.time(e) <= get(Epochs.tid(e));
    }

    /** Returns an independent copy. */
    public VectorClock copy() {
        return new VectorClock(times.clone());
    }

    @Override
    public String toString() {
        return Arrays.toString(times);
    }
}
