// expect: no race
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** A one-slot buffer with a ReentrantLock and a Condition. */
public class ConditionQueue {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition filled = lock.newCondition();
    private Integer slot; // guarded by lock

    void put(int v) {
        lock.lock();
        try {
            slot = v;
            filled.signalAll();
        } finally {
            lock.unlock();
        }
    }

    int take() throws InterruptedException {
        lock.lock();
        try {
            while (slot == null) {
                filled.await();
            }
            return slot;
        } finally {
            lock.unlock();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        ConditionQueue q = new ConditionQueue();
        Thread t = new Thread(() -> q.put(7));
        t.start();
        System.out.println(q.take());
        t.join();
    }
}
