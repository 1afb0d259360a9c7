// expect: race SemaphoreForgotten.balance lines 13,18
import java.util.concurrent.Semaphore;

/** One depositor uses the semaphore, the other does not. */
public class SemaphoreForgotten {
    static final Semaphore SEMA = new Semaphore(1);
    static int balance;

    public static void main(String[] args) throws InterruptedException {
        Thread careful = new Thread(() -> {
            SEMA.acquireUninterruptibly();
            try {
                balance += 100; // race
            } finally {
                SEMA.release();
            }
        });
        Thread careless = new Thread(() -> balance += 50); // race
        careful.start();
        careless.start();
        careful.join();
        careless.join();
        System.out.println(balance);
    }
}
