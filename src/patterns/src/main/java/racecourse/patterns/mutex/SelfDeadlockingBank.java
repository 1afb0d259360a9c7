package racecourse.patterns.mutex;

import java.util.concurrent.Semaphore;
import racecourse.patterns.bank.Bank;

/**
 * {@link ReentrantBank}'s shape with a lock that is not reentrant, as Go's {@code sync.Mutex} is not: a
 * one-permit {@link Semaphore}. Withdraw takes the permit and calls deposit, which waits for the permit that its
 * own thread holds: the thread waits for itself forever. Waiting is interruptible, so a stuck caller can be
 * freed with {@link Thread#interrupt()} (it then throws {@link IllegalStateException}). Thread-safe for deposit
 * and balance; withdraw never returns when the balance covers the amount.
 */
public final class SelfDeadlockingBank implements Bank {
    private final Semaphore permit = new Semaphore(1);
    private int balance; // guarded by permit

    @Override
    public void deposit(int amount) {
        acquire();
        try {
            balance = balance + amount;
        } finally {
            permit.release();
        }
    }

    @Override
    public boolean withdraw(int amount) {
        acquire();
        try {
            if (balance < amount) return false;
            deposit(-amount); // waits for the permit this thread already holds: self-deadlock
            return true;
        } finally {
            permit.release();
        }
    }

    @Override
    public int balance() {
        acquire();
        try {
            return balance;
        } finally {
            permit.release();
        }
    }

    private void acquire() {
        try {
            permit.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the bank's permit", e);
        }
    }
}
