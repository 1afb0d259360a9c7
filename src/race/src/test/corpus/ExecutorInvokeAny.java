// expect: no race
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** invokeAny returns one task's result: what that task did happens before the return. */
public class ExecutorInvokeAny {
    static final class Answer {
        int value;
    }

    public static void main(String[] args) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Answer a = pool.invokeAny(List.of(() -> {
                Answer x = new Answer();
                x.value = 1;
                return x;
            }, () -> {
                Answer x = new Answer();
                x.value = 2;
                return x;
            }));
            System.out.println(a.value);
        }
    }
}
