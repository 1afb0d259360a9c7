// expect: race InterruptRacy.reason lines 11,15
/** The main thread writes the reason after the interrupt: the worker's read is not ordered after that write. */
public class InterruptRacy {
    static String reason = "none";

    public static void main(String[] args) throws InterruptedException {
        Thread worker = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.onSpinWait();
            }
            System.out.println("stopped: " + reason);
        });
        worker.start();
        worker.interrupt();
        reason = "late";
        worker.join();
    }
}
