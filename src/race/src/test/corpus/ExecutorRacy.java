// expect: race ExecutorRacy.hits lines 12,13
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Two tasks on a pool increment a plain field. */
public class ExecutorRacy {
    int hits;

    public static void main(String[] args) throws Exception {
        ExecutorRacy r = new ExecutorRacy();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            pool.submit(() -> r.hits++); // race
            pool.submit(() -> r.hits++); // race
        }
        System.out.println(r.hits);
    }
}
