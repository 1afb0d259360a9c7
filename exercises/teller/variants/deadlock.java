// expect: 0/10 deadlocking: close waits for the teller's thread without telling it to stop, so no test passes and nothing else is credited
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

class Teller implements AutoCloseable {
    private final BlockingQueue<Runnable> inbox = new LinkedBlockingQueue<>();
    private final Thread worker;
    private int balance; // confined to worker

    Teller() {
        worker = new Thread(() -> {
            try {
                while (true) {
                    inbox.take().run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        worker.start();
    }

    void deposit(int amount) {
        inbox.add(() -> balance += amount);
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
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
