// expect: no race
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

/** Each round, three threads write their slot; the barrier action sums the slots; everyone reads the sum. */
public class BarrierAction {
    static final int[] slots = new int[3];
    static int sum;

    public static void main(String[] args) throws InterruptedException, BrokenBarrierException {
        CyclicBarrier barrier = new CyclicBarrier(3, () -> sum = slots[0] + slots[1] + slots[2]);
        Thread[] ts = new Thread[3];
        for (int i = 0; i < 3; i++) {
            int me = i;
            ts[i] = new Thread(() -> {
                try {
                    for (int round = 0; round < 3; round++) {
                        slots[me] = round + me;
                        barrier.await();
                        System.out.println(me + " sees " + sum);
                        barrier.await();
                    }
                } catch (InterruptedException | BrokenBarrierException e) {
                    throw new IllegalStateException(e);
                }
            });
            ts[i].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        CyclicBarrier alone = new CyclicBarrier(1, () -> sum++);
        alone.await();
        alone.await();
        System.out.println(sum);
    }
}
