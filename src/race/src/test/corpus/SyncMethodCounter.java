// expect: no race
/** The counter of RacyCounter with synchronized methods: mutual exclusion orders the increments. */
public class SyncMethodCounter {
    private int value; // guarded by this

    synchronized void increment() {
        value++;
    }

    synchronized int value() {
        return value;
    }

    public static void main(String[] args) throws InterruptedException {
        SyncMethodCounter c = new SyncMethodCounter();
        Runnable work = () -> {
            for (int i = 0; i < 1000; i++) {
                c.increment();
            }
        };
        Thread a = new Thread(work);
        Thread b = new Thread(work);
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println(c.value());
    }
}
