// expect: no race
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** The bank with a read/write lock: deposits take the write lock, balance reads the read lock. */
public class BankRwLock {
    private final ReadWriteLock rw = new ReentrantReadWriteLock();
    private int balance; // guarded by rw

    void deposit(int amount) {
        rw.writeLock().lock();
        try {
            balance = balance + amount;
        } finally {
            rw.writeLock().unlock();
        }
    }

    int balance() {
        rw.readLock().lock();
        try {
            return balance;
        } finally {
            rw.readLock().unlock();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        BankRwLock bank = new BankRwLock();
        Thread alice = new Thread(() -> bank.deposit(200));
        Thread bob = new Thread(() -> bank.deposit(100));
        Thread carol = new Thread(() -> System.out.println(bank.balance()));
        Thread dave = new Thread(() -> System.out.println(bank.balance()));
        alice.start();
        bob.start();
        carol.start();
        dave.start();
        alice.join();
        bob.join();
        carol.join();
        dave.join();
        System.out.println(bank.balance());
    }
}
