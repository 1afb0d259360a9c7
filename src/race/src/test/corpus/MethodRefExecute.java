// expect: no race
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Jobs handed to a pool through a method reference; the pool's termination orders them before the read. */
public class MethodRefExecute {
    static final long[] totals = new long[3];

    public static void main(String[] args) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Runnable> jobs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int me = i;
            jobs.add(() -> totals[me] = me + 100);
        }
        jobs.forEach(pool::execute);
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        System.out.println(totals[0] + totals[1] + totals[2]);
    }
}
