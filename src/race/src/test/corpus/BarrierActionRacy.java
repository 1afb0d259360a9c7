// expect: race BarrierActionRacy.sum lines 10,18
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

/** A thread that never waits at the barrier reads what the barrier action writes. */
public class BarrierActionRacy {
    static int sum;

    public static void main(String[] args) throws InterruptedException {
        CyclicBarrier barrier = new CyclicBarrier(2, () -> sum = 1);
        Runnable party = () -> {
            try {
                barrier.await();
            } catch (InterruptedException | BrokenBarrierException e) {
                throw new IllegalStateException(e);
            }
        };
        Thread bystander = new Thread(() -> System.out.println(sum));
        Thread a = new Thread(party);
        Thread b = new Thread(party);
        bystander.start();
        a.start();
        b.start();
        a.join();
        b.join();
        bystander.join();
    }
}
