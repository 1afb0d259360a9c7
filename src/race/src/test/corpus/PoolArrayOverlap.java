// expect: race int[] element 0 lines 17
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Two pool tasks fill the same array from its start in a loop each: their writes race, element 0 first. */
public class PoolArrayOverlap {
    public static void main(String[] args) throws Exception {
        int[] cells = new int[4096];
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<?>> fills = new ArrayList<>();
            for (int t = 1; t <= 2; t++) {
                int value = t;
                fills.add(pool.submit(() -> {
                    for (int i = 0; i < cells.length; i++) cells[i] = value;
                }));
            }
            for (Future<?> f : fills) {
                f.get();
            }
        }
        System.out.println(cells[0]);
    }
}
