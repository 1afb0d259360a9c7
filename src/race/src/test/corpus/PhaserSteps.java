// expect: no race
import java.util.concurrent.Phaser;

/** Two parties advance a phaser between writing their slot and reading the other's. */
public class PhaserSteps {
    public static void main(String[] args) throws InterruptedException {
        int[] slots = new int[2];
        Phaser phaser = new Phaser(2);
        Thread[] ts = new Thread[2];
        for (int i = 0; i < 2; i++) {
            int me = i;
            ts[i] = new Thread(() -> {
                slots[me] = me + 1;
                phaser.arriveAndAwaitAdvance();
                System.out.println(slots[1 - me]);
            });
            ts[i].start();
        }
        for (Thread t : ts) {
            t.join();
        }
    }
}
