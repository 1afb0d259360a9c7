// expect: race BankReadLockWrite.balance lines 12
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** Deposits under the read lock: readers do not exclude each other, so two deposits race. */
public class BankReadLockWrite {
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private int balance;

    void deposit(int amount) {
        rw.readLock().lock();
        try {
            balance = balance + amount; // race
        } finally {
            rw.readLock().unlock();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        BankReadLockWrite bank = new BankReadLockWrite();
        Thread alice = new Thread(() -> bank.deposit(200));
        Thread bob = new Thread(() -> bank.deposit(100));
        alice.start();
        bob.start();
        alice.join();
        bob.join();
    }
}
