package racecourse.patterns.mutex;

import java.util.concurrent.locks.ReentrantLock;
import racecourse.patterns.bank.Bank;

/**
 * Withdraw takes the lock and, while holding it, calls {@link #deposit}, which takes the same lock again. Java's
 * locks are reentrant: the thread that holds a lock may lock it again (it counts the holds), so this works. The
 * price is in reasoning: inside {@code deposit} you can no longer assume the lock was free when you arrived, so
 * the invariants you rely on may be half-updated by your own caller. Thread-safe.
 */
public final class ReentrantBank implements Bank {
    private final ReentrantLock lock = new ReentrantLock();
    private int balance; // guarded by lock

    @Override
    public void deposit(int amount) {
        lock.lock();
        try {
            balance = balance + amount;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean withdraw(int amount) {
        lock.lock();
        try {
            if (balance < amount) return false;
            deposit(-amount); // locks again: hold count 2 while deposit runs
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int balance() {
        lock.lock();
        try {
            return balance;
        } finally {
            lock.unlock();
        }
    }

    /** How many times the calling thread currently holds the lock (0 outside the bank's methods). */
    public int holdCount() {
        return lock.getHoldCount();
    }
}
