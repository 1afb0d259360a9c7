package racecourse.race.shadow;

import java.util.Arrays;

/**
 * A read history kept as a vector clock: for each thread that read the variable since the last write,
 * the time and the site of its read. Not thread-safe: guarded by the owning {@link Shadow}.
 */
final class ReadSet {
    int[] time = new int[4];
    int[] site = new int[4];

    void set(int tid, int t, int s) {
        if (tid >= time.length) {
            int n = Math.max(tid + 1, time.length * 2);
            time = Arrays.copyOf(time, n);
            site = Arrays.copyOf(site, n);
        }
        time[tid] = t;
        site[tid] = s;
    }

    int time(int tid) {
        return tid < time.length ? time[tid] : 0;
    }
}
