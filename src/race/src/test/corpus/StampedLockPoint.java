// expect: no race
import java.util.concurrent.locks.StampedLock;

/** A point guarded by a StampedLock's write and read locks. */
public class StampedLockPoint {
    private final StampedLock sl = new StampedLock();
    private double x; // guarded by sl
    private double y; // guarded by sl

    void move(double dx, double dy) {
        long stamp = sl.writeLock();
        try {
            x += dx;
            y += dy;
        } finally {
            sl.unlockWrite(stamp);
        }
    }

    double distance() {
        long stamp = sl.readLock();
        try {
            return Math.hypot(x, y);
        } finally {
            sl.unlockRead(stamp);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        StampedLockPoint p = new StampedLockPoint();
        Thread a = new Thread(() -> p.move(3, 4));
        Thread b = new Thread(() -> System.out.println(p.distance()));
        Thread c = new Thread(() -> p.move(1, 1));
        a.start();
        b.start();
        c.start();
        a.join();
        b.join();
        c.join();
        System.out.println(p.distance());
    }
}
