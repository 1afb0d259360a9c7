// expect: 10/10 over-synchronized but correct: one lock shared by every account, held longer than needed
import java.util.concurrent.locks.ReentrantLock;

class Bank {
    private static final ReentrantLock EVERYTHING = new ReentrantLock(true);
    private volatile int balance; // guarded by EVERYTHING

    synchronized void deposit(int amount) {
        EVERYTHING.lock();
        try {
            balance += amount;
        } finally {
            EVERYTHING.unlock();
        }
    }

    synchronized boolean withdraw(int amount) {
        EVERYTHING.lock();
        try {
            if (balance < amount) {
                return false;
            }
            balance -= amount;
            return true;
        } finally {
            EVERYTHING.unlock();
        }
    }

    synchronized int balance() {
        EVERYTHING.lock();
        try {
            return balance;
        } finally {
            EVERYTHING.unlock();
        }
    }
}
