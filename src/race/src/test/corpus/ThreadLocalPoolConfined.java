// expect: no race
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Confinement through ThreadLocal: each pool thread counts into its own array, reached only through get(); the
 * pool tasks that share a thread reach it one after another.
 */
public class ThreadLocalPoolConfined {
    static final List<int[]> all = Collections.synchronizedList(new ArrayList<>());
    static final ThreadLocal<int[]> counts = ThreadLocal.withInitial(() -> {
        int[] mine = new int[1];
        all.add(mine);
        return mine;
    });

    public static void main(String[] args) {
        try (ExecutorService pool = Executors.newFixedThreadPool(3)) {
            for (int i = 0; i < 60; i++) {
                pool.execute(() -> counts.get()[0]++);
            }
        }
        int total = 0;
        synchronized (all) {
            for (int[] c : all) {
                total += c[0];
            }
        }
        System.out.println(total);
    }
}
