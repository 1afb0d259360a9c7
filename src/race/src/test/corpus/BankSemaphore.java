// expect: no race
import java.util.concurrent.Semaphore;

/** The bank guarded by a binary semaphore. */
public class BankSemaphore {
    private final Semaphore sema = new Semaphore(1);
    private int balance; // guarded by sema

    void deposit(int amount) throws InterruptedException {
        sema.acquire();
        try {
            balance = balance + amount;
        } finally {
            sema.release();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        BankSemaphore bank = new BankSemaphore();
        Thread alice = new Thread(() -> { try { bank.deposit(200); } catch (InterruptedException e) { } });
        Thread bob = new Thread(() -> { try { bank.deposit(100); } catch (InterruptedException e) { } });
        alice.start();
        bob.start();
        alice.join();
        bob.join();
        System.out.println(bank.balance);
    }
}
