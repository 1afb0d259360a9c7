// expect: 6/10 races racy: the thread exists, but deposit changes the balance on the caller's thread
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

class Teller implements AutoCloseable {
    private static final Runnable STOP = () -> { };
    private final BlockingQueue<Runnable> inbox = new LinkedBlockingQueue<>();
    private final Thread worker;
    private int balance;

    Teller() {
        worker = new Thread(() -> {
            try {
                for (Runnable r = inbox.take(); r != STOP; r = inbox.take()) {
                    r.run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        worker.start();
    }

    void deposit(int amount) {
        int before = balance;
        Thread.yield(); // widens the window, so the lost deposits show even on a busy machine
        balance = before + amount;
    }

    int balance() {
        BlockingQueue<Integer> answer = new ArrayBlockingQueue<>(1);
        inbox.add(() -> answer.add(balance));
        try {
            return answer.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the teller", e);
        }
    }

    @Override
    public void close() {
        inbox.add(STOP);
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
