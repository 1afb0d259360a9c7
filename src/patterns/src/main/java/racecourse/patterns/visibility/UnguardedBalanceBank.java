package racecourse.patterns.visibility;

import racecourse.patterns.bank.Bank;

/**
 * A bank whose {@code deposit} and {@code withdraw} hold the lock but whose {@code balance} does not, on a plain
 * field. Withdraw subtracts first and adds the amount back if that went below zero, so inside the lock the balance
 * is negative for a moment. The unlocked read is a data race, and the Java Memory Model then promises almost
 * nothing: the compiler may merge withdraw's two writes into none (nobody may legally look in between), and may
 * read the field once and reuse the value, so a reader can miss every update. Not thread-safe.
 */
public final class UnguardedBalanceBank implements Bank {
    private final Object lock = new Object();
    private int balance; // written under lock, but read without it: the bug this class shows

    @Override
    public void deposit(int amount) {
        synchronized (lock) {
            balance += amount;
        }
    }

    @Override
    public boolean withdraw(int amount) {
        synchronized (lock) {
            balance -= amount;
            if (balance < 0) {
                balance += amount; // roll back: the negative value was visible to unlocked readers until now
                return false;
            }
            return true;
        }
    }

    /** The balance, read without the lock: may be stale, and may be a withdraw's transient negative value. */
    @Override
    public int balance() {
        return balance;
    }
}
