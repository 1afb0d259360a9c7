package racecourse.race.shadow;

import java.util.Arrays;

/**
 * A read history kept as a vector clock: for each thread that read the variable since the last write,
 * the time and the site of its read, sorted by thread id. Not thread-safe: guarded by the owning
 * {@link Shadow}.
 */
final class ReadSet {
    int[] tid = new int[4];
    int[] time = new int[4];
    int[] site = new int[4];
    int size;

    void set(int t, int clock, int s) {
        int i = Arrays.binarySearch(tid, 0, size, t);
        if (i >= 0) {
            time[i] = clock;
            site[i] = s;
            return;
        }
        int at = -i - 1;
        if (size == tid.length) {
            tid = Arrays.copyOf(tid, size * 2);
            time = Arrays.copyOf(time, size * 2);
            site = Arrays.copyOf(site, size * 2);
        }
        System.arraycopy(tid, at, tid, at + 1, size - at);
        System.arraycopy(time, at, time, at + 1, size - at);
        System.arraycopy(site, at, site, at + 1, size - at);
        tid[at] = t;
        time[at] = clock;
        site[at] = s;
        size++;
    }

    int time(int t) {
        int i = Arrays.binarySearch(tid, 0, size, t);
        return i >= 0 ? time[i] : 0;
    }
}
