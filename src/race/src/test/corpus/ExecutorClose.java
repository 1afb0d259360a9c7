// expect: no race
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** ExecutorService.close waits for the tasks: their writes are seen after it. */
public class ExecutorClose {
    public static void main(String[] args) {
        long[] parts = new long[4];
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (int i = 0; i < parts.length; i++) {
                int k = i;
                pool.execute(() -> parts[k] = k * 10L);
            }
        }
        long sum = 0;
        for (long p : parts) {
            sum += p;
        }
        System.out.println(sum);
    }
}
