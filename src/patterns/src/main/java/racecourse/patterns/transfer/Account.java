package racecourse.patterns.transfer;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A bank account with an id and a lock of its own. {@link #balance()} takes the lock; {@link #addLocked(int)}
 * and {@link #balanceLocked()} are for a transfer that already holds it. Thread-safe when callers follow that
 * rule.
 */
public final class Account {
    private final int id;
    private final ReentrantLock lock = new ReentrantLock();
    private int balance; // guarded by lock

    /** An account with this id and opening balance. */
    public Account(int id, int balance) {
        this.id = id;
        this.balance = balance;
    }

    /** The account's id; transfers that order their locks use it. */
    public int id() {
        return id;
    }

    /** The lock that guards the balance. */
    public ReentrantLock lock() {
        return lock;
    }

    /** The balance, read under the lock. */
    public int balance() {
        lock.lock();
        try {
            return balance;
        } finally {
            lock.unlock();
        }
    }

    /** The balance; the caller holds {@link #lock()}. */
    int balanceLocked() {
        return balance;
    }

    /** Adds {@code amount} (negative to take money out); the caller holds {@link #lock()}. */
    void addLocked(int amount) {
        balance += amount;
    }

    @Override
    public String toString() {
        return "Account " + id;
    }
}
