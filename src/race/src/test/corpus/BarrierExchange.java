// expect: no race
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

/** Two threads write their half, meet at a barrier, then read the other half. */
public class BarrierExchange {
    public static void main(String[] args) throws InterruptedException {
        int[] halves = new int[2];
        CyclicBarrier barrier = new CyclicBarrier(2);
        Thread[] ts = new Thread[2];
        for (int i = 0; i < 2; i++) {
            int me = i;
            ts[i] = new Thread(() -> {
                halves[me] = me + 10;
                try {
                    barrier.await();
                } catch (InterruptedException | BrokenBarrierException e) {
                    return;
                }
                System.out.println(halves[1 - me]);
            });
            ts[i].start();
        }
        for (Thread t : ts) {
            t.join();
        }
    }
}
