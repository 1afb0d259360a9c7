// expect: 5/9 timeout=3 deadlocking: move holds the read lock while it asks for the write lock, which waits for all readers, itself included
import java.util.concurrent.locks.ReentrantReadWriteLock;

class Stock {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final int[] counts; // guarded by lock

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
        lock.readLock().lock();
        try {
            if (counts[from] < items) {
                return false;
            }
            lock.writeLock().lock(); // an upgrade: never granted while this thread holds the read lock
            try {
                counts[from] -= items;
                counts[to] += items;
                return true;
            } finally {
                lock.writeLock().unlock();
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    int count(int shelf) {
        lock.readLock().lock();
        try {
            return counts[shelf];
        } finally {
            lock.readLock().unlock();
        }
    }

    int total() {
        lock.readLock().lock();
        try {
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
