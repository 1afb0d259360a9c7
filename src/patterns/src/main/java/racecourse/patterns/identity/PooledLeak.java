package racecourse.patterns.identity;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * A task that keeps a large scratch array in a {@link ThreadLocal} and, optionally, removes it when done. A pool
 * thread lives on after the task, and so does everything in its thread-locals: without {@code remove} the array
 * stays reachable (a leak for as long as the pool lives); with it, the array can be collected. Weak references
 * tell which arrays are still reachable. Thread-safe.
 */
public final class PooledLeak {
    private static final ThreadLocal<byte[]> SCRATCH = new ThreadLocal<>();

    private PooledLeak() {
    }

    /**
     * Runs {@code tasks} tasks on {@code pool}, each filling a fresh {@code megabytes} MB array kept in the
     * thread-local, then (while the pool still lives) collects garbage and returns how many of those arrays are still
     * reachable. Garbage collection is asked for up to 5 times (the budget) until the count stops falling.
     */
    public static int stillReachable(ExecutorService pool, int tasks, int megabytes, boolean remove) throws Exception {
        List<WeakReference<byte[]>> arrays = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            arrays.add(pool.submit(() -> {
                byte[] scratch = new byte[megabytes << 20];
                scratch[scratch.length - 1] = 1;
                SCRATCH.set(scratch);
                try {
                    return new WeakReference<>(scratch);
                } finally {
                    if (remove) SCRATCH.remove();
                }
            }).get());
        }
        int reachable = Integer.MAX_VALUE;
        for (int attempt = 0; attempt < 5; attempt++) {
            System.gc();
            Thread.sleep(20);
            int now = (int) arrays.stream().filter(r -> r.get() != null).count();
            if (now >= reachable) break;
            reachable = now;
        }
        return reachable;
    }
}
