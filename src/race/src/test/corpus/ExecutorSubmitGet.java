// expect: no race
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** submit happens before the task; the task happens before Future.get returns. */
public class ExecutorSubmitGet {
    int[] data = new int[4];
    int total;

    public static void main(String[] args) throws Exception {
        ExecutorSubmitGet s = new ExecutorSubmitGet();
        s.data[0] = 5;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<?> f = pool.submit(() -> { s.total = s.data[0] * 2; });
        f.get();
        System.out.println(s.total);
        s.total = 0;
        pool.shutdown();
    }
}
