// expect: 7/9 mutex: correct, but readers wait for each other behind one ReentrantLock
import java.util.concurrent.locks.ReentrantLock;

class Stock {
    private final ReentrantLock lock = new ReentrantLock();
    private final int[] counts; // guarded by lock

    Stock(int shelves) {
        counts = new int[shelves];
    }

    void add(int shelf, int items) {
        lock.lock();
        try {
            counts[shelf] += items;
        } finally {
            lock.unlock();
        }
    }

    boolean move(int from, int to, int items) {
        lock.lock();
        try {
            if (counts[from] < items) {
                return false;
            }
            counts[from] -= items;
            counts[to] += items;
            return true;
        } finally {
            lock.unlock();
        }
    }

    int count(int shelf) {
        lock.lock();
        try {
            return counts[shelf];
        } finally {
            lock.unlock();
        }
    }

    int total() {
        lock.lock();
        try {
            int sum = 0;
            for (int c : counts) {
                sum += c;
            }
            return sum;
        } finally {
            lock.unlock();
        }
    }
}
