// expect: no race
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Pool tasks fill their own slices of one array in loops; after the futures, other tasks read it all. */
public class PoolArraySlices {
    public static void main(String[] args) throws Exception {
        int[] cells = new int[8 * 4096];
        try (ExecutorService pool = Executors.newFixedThreadPool(3)) {
            List<Future<?>> fills = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int from = t * 4096;
                fills.add(pool.submit(() -> {
                    for (int i = from; i < from + 4096; i++) {
                        cells[i] = i % 7;
                    }
                }));
            }
            for (Future<?> f : fills) {
                f.get();
            }
            List<Future<Long>> sums = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                sums.add(pool.submit(() -> {
                    long s = 0;
                    for (int i = 0; i < cells.length; i++) {
                        s += cells[i];
                    }
                    return s;
                }));
            }
            long total = 0;
            for (Future<Long> f : sums) {
                total += f.get();
            }
            System.out.println(total);
        }
    }
}
