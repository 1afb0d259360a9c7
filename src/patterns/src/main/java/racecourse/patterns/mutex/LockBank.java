package racecourse.patterns.mutex;

import java.util.concurrent.locks.ReentrantLock;
import racecourse.patterns.bank.Bank;

/**
 * The bank guarded by a {@link ReentrantLock}, in the idiom used for every lock in this course: {@code lock()},
 * then {@code try}, the critical section, and {@code unlock()} in {@code finally}, so that a return or an
 * exception cannot leave the lock held (Go writes {@code defer mu.Unlock()} for the same purpose). Withdraw does
 * its check and its update inside one critical section. Thread-safe.
 */
public final class LockBank implements Bank {
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
            if (balance < amount) return false; // the check and ...
            balance = balance - amount;          // ... the update, with no other thread in between
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
}
