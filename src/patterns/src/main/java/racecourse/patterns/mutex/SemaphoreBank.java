package racecourse.patterns.mutex;

import java.util.concurrent.Semaphore;
import racecourse.patterns.bank.Bank;

/**
 * The bank guarded by a binary semaphore: a {@link Semaphore} with one permit lets one thread at a time into
 * the code between {@code acquire} and {@code release}. Thread-safe.
 */
public final class SemaphoreBank implements Bank {
    private final Semaphore permit = new Semaphore(1);
    private int balance; // guarded by permit

    @Override
    public void deposit(int amount) {
        permit.acquireUninterruptibly();
        try {
            balance = balance + amount;
        } finally {
            permit.release();
        }
    }

    @Override
    public boolean withdraw(int amount) {
        permit.acquireUninterruptibly();
        try {
            if (balance < amount) return false;
            balance = balance - amount;
            return true;
        } finally {
            permit.release();
        }
    }

    @Override
    public int balance() {
        permit.acquireUninterruptibly();
        try {
            return balance;
        } finally {
            permit.release();
        }
    }
}
