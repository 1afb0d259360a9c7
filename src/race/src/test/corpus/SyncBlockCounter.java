// expect: no race
/** A counter guarded by a private lock object in synchronized blocks. */
public class SyncBlockCounter {
    private final Object lock = new Object();
    private int value; // guarded by lock

    void increment() {
        synchronized (lock) {
            value++;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        SyncBlockCounter c = new SyncBlockCounter();
        Thread a = new Thread(() -> { for (int i = 0; i < 500; i++) c.increment(); });
        Thread b = new Thread(() -> { for (int i = 0; i < 500; i++) c.increment(); });
        a.start();
        b.start();
        a.join();
        b.join();
        synchronized (c.lock) {
            System.out.println(c.value);
        }
    }
}
