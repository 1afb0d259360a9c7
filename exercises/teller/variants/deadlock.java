// expect: 0/14 timeout=3 deadlocking: close waits for the teller's thread without telling it to stop, so no test passes and nothing else is credited
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
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
        CompletableFuture<Integer> answer = new CompletableFuture<>();
        inbox.add(() -> answer.complete(balance));
        return answer.join();
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
