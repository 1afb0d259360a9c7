// expect: no race
import java.util.concurrent.CompletableFuture;

/** A CompletableFuture chain: each stage sees what the previous one wrote; join sees them all. */
public class CompletableChain {
    static final class Order {
        int quantity;
        int price;
    }

    public static void main(String[] args) {
        Order order = new Order();
        order.quantity = 3;
        CompletableFuture<Integer> total = CompletableFuture
                .supplyAsync(() -> { order.price = 7; return order; })
                .thenApply(o -> o.quantity * o.price);
        System.out.println(total.join());
        order.price = 0;
    }
}
