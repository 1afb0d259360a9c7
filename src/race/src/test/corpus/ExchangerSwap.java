// expect: no race
import java.util.concurrent.Exchanger;

/** Two threads fill a buffer each, then swap them through an Exchanger. */
public class ExchangerSwap {
    public static void main(String[] args) throws InterruptedException {
        Exchanger<int[]> exchanger = new Exchanger<>();
        Thread filler = new Thread(() -> {
            int[] full = {1, 2, 3};
            try {
                exchanger.exchange(full);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        filler.start();
        int[] got = exchanger.exchange(new int[0]);
        System.out.println(got[0] + got[1] + got[2]);
        filler.join();
    }
}
