// expect: race IsAliveRacy.result lines 11,20
import java.util.concurrent.CountDownLatch;

/** isAlive() returns true here (the worker waits for a latch), so it orders nothing: the read races. */
public class IsAliveRacy {
    static int result;

    public static void main(String[] args) throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            result = 1;
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        worker.start();
        if (worker.isAlive()) {
            System.out.println(result);
        }
        release.countDown();
        worker.join();
    }
}
