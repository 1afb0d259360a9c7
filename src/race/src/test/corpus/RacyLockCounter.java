// expect: race RacyLockCounter.value lines 14,19
import java.util.concurrent.locks.ReentrantLock;

/** One thread takes the lock, the other forgets it: the lock orders nothing. */
public class RacyLockCounter {
    private final ReentrantLock lock = new ReentrantLock();
    private int value;

    public static void main(String[] args) throws InterruptedException {
        RacyLockCounter c = new RacyLockCounter();
        Thread a = new Thread(() -> {
            c.lock.lock();
            try {
                c.value++; // race
            } finally {
                c.lock.unlock();
            }
        });
        Thread b = new Thread(() -> c.value++); // race
        a.start();
        b.start();
        a.join();
        b.join();
    }
}
