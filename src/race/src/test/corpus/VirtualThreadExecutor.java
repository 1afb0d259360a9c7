// expect: no race
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** A virtual-thread-per-task executor; results are read through the futures. */
public class VirtualThreadExecutor {
    static final class Result {
        int value;
    }

    public static void main(String[] args) throws Exception {
        List<Future<Result>> futures = new ArrayList<>();
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 5; i++) {
                int k = i;
                futures.add(ex.submit(() -> {
                    Result r = new Result();
                    r.value = k + 1;
                    return r;
                }));
            }
            int sum = 0;
            for (Future<Result> f : futures) {
                sum += f.get().value;
            }
            System.out.println(sum);
        }
    }
}
