package racecourse.patterns.mutex;

import java.util.concurrent.locks.ReentrantLock;
import racecourse.patterns.bank.Bank;

/**
 * Every method locks, yet withdraw is broken: it asks {@link #balance()} (one critical section) and then calls
 * {@link #deposit} with a negative amount (another). Between the two, another withdrawal can spend the same
 * money, and the balance goes below zero. Locking each step does not make the sequence atomic. Not thread-safe.
 */
public final class OverdraftBank implements Bank {
    private final ReentrantLock lock = new ReentrantLock();
    private int balance; // guarded by lock
    private final Runnable betweenCheckAndAct;

    /** A bank whose withdrawals run straight through. */
    public OverdraftBank() {
        this(() -> { });
    }

    /**
     * A bank whose withdrawals run {@code betweenCheckAndAct} after the check and before the act, with no lock
     * held. The lesson passes a barrier here to force the bad interleaving every time instead of waiting for luck.
     */
    public OverdraftBank(Runnable betweenCheckAndAct) {
        this.betweenCheckAndAct = betweenCheckAndAct;
    }

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
        if (balance() < amount) return false; // critical section 1: check
        betweenCheckAndAct.run();
        deposit(-amount);                     // critical section 2: act, on a balance that may have changed
        return true;
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
