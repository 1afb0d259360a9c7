import java.util.concurrent.CyclicBarrier;

/** Two threads take two locks in opposite orders and deadlock, every run (each holds one before trying the other). */
public class Deadlock {
    public static void main(String[] args) throws InterruptedException {
        Object a = new Object();
        Object b = new Object();
        CyclicBarrier both = new CyclicBarrier(2);
        Thread left = new Thread(() -> take(a, b, both), "left");
        Thread right = new Thread(() -> take(b, a, both), "right");
        left.start();
        right.start();
        left.join();
    }

    static void take(Object first, Object second, CyclicBarrier both) {
        synchronized (first) {
            try {
                both.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            synchronized (second) {
                System.out.println("never printed");
            }
        }
    }
}
