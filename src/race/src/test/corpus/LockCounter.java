// expect: no race
import java.util.concurrent.locks.ReentrantLock;

/** A counter guarded by a ReentrantLock, in the lock-try-finally-unlock idiom. */
public class LockCounter {
    private final ReentrantLock lock = new ReentrantLock();
    private int value; // guarded by lock

    void increment() {
        lock.lock();
        try {
            value++;
        } finally {
            lock.unlock();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        LockCounter c = new LockCounter();
        Thread a = new Thread(() -> { for (int i = 0; i < 500; i++) c.increment(); });
        Thread b = new Thread(() -> { for (int i = 0; i < 500; i++) c.increment(); });
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println(c.value);
    }
}
