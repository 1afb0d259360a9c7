// expect: no race
import java.util.ArrayList;
import java.util.List;

/** Virtual threads each write their own slot; join publishes it. */
public class VirtualThreads {
    public static void main(String[] args) throws InterruptedException {
        int[] slots = new int[8];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < slots.length; i++) {
            int k = i;
            threads.add(Thread.ofVirtual().start(() -> slots[k] = k * k));
        }
        for (Thread t : threads) {
            t.join();
        }
        int sum = 0;
        for (int s : slots) {
            sum += s;
        }
        System.out.println(sum);
    }
}
