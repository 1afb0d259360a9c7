// expect: no race
/** The main thread writes a reason, then interrupts; the worker reads the reason once it sees the interrupt. */
public class InterruptPublish {
    static String reason;

    public static void main(String[] args) throws InterruptedException {
        Thread worker = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.onSpinWait();
            }
            System.out.println("stopped: " + reason);
        });
        worker.start();
        reason = "shutdown";
        worker.interrupt();
        worker.join();
        Thread other = new Thread(() -> {
            while (!Thread.interrupted()) {
                Thread.onSpinWait();
            }
            System.out.println("again: " + reason);
        });
        other.start();
        reason = "twice";
        other.interrupt();
        other.join();
    }
}
