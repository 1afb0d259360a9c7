// expect: no race
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** shutdown then awaitTermination: the tasks' writes are seen afterwards. */
public class ExecutorAwaitTermination {
    String result;

    public static void main(String[] args) throws InterruptedException {
        ExecutorAwaitTermination e = new ExecutorAwaitTermination();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        pool.execute(() -> e.result = "done");
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        System.out.println(e.result);
    }
}
