// expect: no race
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

/** Results written by async tasks are read after joining their futures through a method reference. */
public class MethodRefJoinFutures {
    static final int[] results = new int[4];

    public static void main(String[] args) {
        List<CompletableFuture<Void>> futures = IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.runAsync(() -> results[i] = i * i))
                .toList();
        List<Void> done = futures.stream().map(CompletableFuture::join).toList();
        int sum = 0;
        for (int r : results) {
            sum += r;
        }
        System.out.println(done.size() + " " + sum);
    }
}
