// expect: no race
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.CountDownLatch;

/** What the scheduling thread wrote before Timer.schedule is seen by the task on the timer's thread. */
public class TimerSchedulePublish {
    static int[] data;

    static final class Sum extends TimerTask {
        final CountDownLatch done;
        int total;

        Sum(CountDownLatch done) {
            this.done = done;
        }

        @Override
        public void run() {
            total = data[1];
            done.countDown();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Timer timer = new Timer();
        data = new int[] {1, 2};
        data[1] = 7;
        CountDownLatch done = new CountDownLatch(2);
        Sum first = new Sum(done);
        timer.schedule(first, 5);
        data[0] = 3; // after the first task was scheduled (which does not read it), before the second
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                data[1] += data[0];
                done.countDown();
            }
        }, 10);
        done.await();
        System.out.println(first.total + data[1]);
        timer.cancel();
    }
}
