// expect: no race
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Tasks write their own slot; invokeAll returns after all tasks, so the main thread may read every slot. */
public class ExecutorInvokeAll {
    public static void main(String[] args) throws Exception {
        int[] squares = new int[3];
        List<Callable<Void>> tasks = List.of(
                () -> { squares[0] = 1; return null; },
                () -> { squares[1] = 4; return null; },
                () -> { squares[2] = 9; return null; });
        ExecutorService pool = Executors.newFixedThreadPool(3);
        pool.invokeAll(tasks);
        System.out.println(squares[0] + squares[1] + squares[2]);
        pool.shutdown();
    }
}
