// expect: race int[] element 0 lines 15,19
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.CountDownLatch;

/** A write made after the task was scheduled is not ordered before the task, whichever runs first. */
public class TimerRacy {
    public static void main(String[] args) throws InterruptedException {
        Timer timer = new Timer();
        int[] data = new int[2];
        CountDownLatch done = new CountDownLatch(1);
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                data[1] = data[0];
                done.countDown();
            }
        }, 1);
        data[0] = 5;
        done.await();
        timer.cancel();
    }
}
