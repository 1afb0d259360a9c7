// expect: race MonitorLoopUnlockedReader.total lines 10,21
/** Two threads add under a lock, one section after another; a third reads the total without taking it. */
public class MonitorLoopUnlockedReader {
    private final Object lock = new Object();
    private long total; // guarded by lock, but the reader forgets it

    void add(int n) {
        for (int i = 0; i < n; i++) {
            synchronized (lock) {
                total += i; // a locked write
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        MonitorLoopUnlockedReader m = new MonitorLoopUnlockedReader();
        Thread a = new Thread(() -> m.add(2000));
        Thread b = new Thread(() -> m.add(2000));
        Thread reader = new Thread(() -> {
            for (int i = 0; i < 3; i++) {
                long seen = m.total; // an unlocked read
                if (seen < 0) {
                    System.out.println("impossible");
                }
            }
        });
        a.start();
        b.start();
        reader.start();
        a.join();
        b.join();
        reader.join();
    }
}
