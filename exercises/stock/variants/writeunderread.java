// expect: 6/9 races racy: readers bump a plain statistics counter while holding only the shared read lock, so two readers write it at once
import java.util.concurrent.locks.ReentrantReadWriteLock;

class Stock {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final int[] counts; // guarded by lock
    private int reads;          // meant as "guarded by lock", but written under the read lock, which readers share

    Stock(int shelves) {
        counts = new int[shelves];
    }

    void add(int shelf, int items) {
        lock.writeLock().lock();
        try {
            counts[shelf] += items;
        } finally {
            lock.writeLock().unlock();
        }
    }

    boolean move(int from, int to, int items) {
        lock.writeLock().lock();
        try {
            if (counts[from] < items) {
                return false;
            }
            counts[from] -= items;
            counts[to] += items;
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    int count(int shelf) {
        lock.readLock().lock();
        try {
            reads++;
            return counts[shelf];
        } finally {
            lock.readLock().unlock();
        }
    }

    int total() {
        lock.readLock().lock();
        try {
            reads++;
            int sum = 0;
            for (int c : counts) {
                sum += c;
            }
            return sum;
        } finally {
            lock.readLock().unlock();
        }
    }
}
