package racecourse.patterns.visibility;

import racecourse.patterns.bank.Bank;

/**
 * The same bank with {@code balance} reading under the lock too. A reader now waits for a withdraw in progress
 * to finish, so it sees the balance before the withdraw or after its rollback, never in between; and the lock's
 * release-acquire edge makes the latest balance visible. Thread-safe.
 *
 * <p>Memory consistency effects: everything a thread did before leaving one of these methods happens-before
 * whatever another thread does after entering one of them later.
 */
public final class GuardedBalanceBank implements Bank {
    private final Object lock = new Object();
    private int balance; // guarded by lock

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
                balance += amount;
                return false;
            }
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
