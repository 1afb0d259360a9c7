// expect: no race
/** Two threads loop over nested monitors; one also takes only the inner one. Every access holds the inner lock. */
public class NestedMonitorLoop {
    private final Object outer = new Object();
    private final Object inner = new Object();
    private int hits; // guarded by inner

    public static void main(String[] args) throws InterruptedException {
        NestedMonitorLoop m = new NestedMonitorLoop();
        Thread a = new Thread(() -> {
            for (int i = 0; i < 3000; i++) {
                synchronized (m.outer) {
                    synchronized (m.inner) {
                        m.hits++;
                    }
                }
            }
        });
        Thread b = new Thread(() -> {
            for (int i = 0; i < 3000; i++) {
                synchronized (m.inner) {
                    m.hits++;
                }
                synchronized (m.inner) {
                    m.hits--;
                }
            }
        });
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println(m.hits);
    }
}
