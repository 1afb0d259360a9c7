// expect: no race
/** A one-slot buffer: the producer waits while it is full, the consumer while it is empty; many rounds. */
public class WaitNotifyLoop {
    private int slot; // guarded by this
    private boolean full; // guarded by this
    private long sum; // guarded by this

    synchronized void put(int v) throws InterruptedException {
        while (full) {
            wait();
        }
        slot = v;
        full = true;
        notifyAll();
    }

    synchronized int take() throws InterruptedException {
        while (!full) {
            wait();
        }
        full = false;
        notifyAll();
        sum += slot;
        return slot;
    }

    public static void main(String[] args) throws InterruptedException {
        WaitNotifyLoop buffer = new WaitNotifyLoop();
        Thread producer = new Thread(() -> {
            try {
                for (int i = 0; i < 2000; i++) {
                    buffer.put(i);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        producer.start();
        for (int i = 0; i < 2000; i++) {
            buffer.take();
        }
        producer.join();
        System.out.println(buffer.sum);
    }
}
