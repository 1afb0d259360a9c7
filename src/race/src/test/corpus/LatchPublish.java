// expect: no race
import java.util.concurrent.CountDownLatch;

/** Workers write their slot and count down; await returns after every countDown. */
public class LatchPublish {
    public static void main(String[] args) throws InterruptedException {
        int[] slots = new int[3];
        CountDownLatch done = new CountDownLatch(slots.length);
        for (int i = 0; i < slots.length; i++) {
            int k = i;
            new Thread(() -> {
                slots[k] = k + 1;
                done.countDown();
            }).start();
        }
        done.await();
        System.out.println(slots[0] + slots[1] + slots[2]);
    }
}
