// expect: race StoreBuffering.x lines 10,15
/** The store-buffering test: each thread writes one plain field and reads the other. */
public class StoreBuffering {
    static int x;
    static int y;

    public static void main(String[] args) throws InterruptedException {
        int[] r = new int[2];
        Thread a = new Thread(() -> {
            x = 1; // race
            r[0] = y;
        });
        Thread b = new Thread(() -> {
            y = 1;
            r[1] = x; // race
        });
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println(r[0] + " " + r[1]);
    }
}
