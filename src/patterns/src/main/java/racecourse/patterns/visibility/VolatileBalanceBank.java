package racecourse.patterns.visibility;

import racecourse.patterns.bank.Bank;

/**
 * The unguarded bank with its balance made {@code volatile}, the fix people reach for first. Every read now sees
 * the latest write, which is exactly the trouble: withdraw's subtract-then-roll-back writes a negative balance for
 * a moment, and a reader that skips the lock sees it. Volatile gives visibility, not atomicity: {@code balance}
 * still must not run in the middle of a withdraw. Not thread-safe.
 */
public final class VolatileBalanceBank implements Bank {
    private final Object lock = new Object();
    private volatile int balance; // written under lock, read without it

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

    /** The latest balance, read without the lock: may be a withdraw's transient negative value. */
    @Override
    public int balance() {
        return balance;
    }
}
