package racecourse.patterns.mutex;

import racecourse.patterns.bank.Bank;

/**
 * The bank guarded by Java's built-in monitor: a {@code synchronized} block on a private lock object, released
 * automatically when the block ends however it ends. Locking a private object rather than {@code this} keeps
 * other code from taking our lock. Thread-safe.
 */
public final class SynchronizedBank implements Bank {
    private final Object lock = new Object();
    private int balance; // guarded by lock

    @Override
    public void deposit(int amount) {
        synchronized (lock) {
            balance = balance + amount;
        }
    }

    @Override
    public boolean withdraw(int amount) {
        synchronized (lock) {
            if (balance < amount) return false;
            balance = balance - amount;
            return true;
        }
    }

    @Override
    public int balance() {
        synchronized (lock) {
            return balance;
        }
    }
}
