// expect: race ArrayList lines 13
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Two threads add to one ArrayList through a method reference: the adds race. */
public class MethodRefListAdd {
    public static void main(String[] args) throws InterruptedException {
        List<Integer> list = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        Runnable adder = () -> {
            await(go);
            List.of(1, 2, 3).forEach(list::add);
        };
        Thread a = new Thread(adder);
        Thread b = new Thread(adder);
        a.start();
        b.start();
        go.countDown();
        a.join();
        b.join();
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
