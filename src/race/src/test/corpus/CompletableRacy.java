// expect: race CompletableRacy.status lines 9,10
import java.util.concurrent.CompletableFuture;

/** Two async tasks write the same field: nothing orders them. */
public class CompletableRacy {
    static String status = "new";

    public static void main(String[] args) {
        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> status = "a"); // race
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> status = "b"); // race
        CompletableFuture.allOf(a, b).join();
        System.out.println(status);
    }
}
