// expect: no race
/** A sleeping worker is interrupted; it reads what the interrupter wrote before, in its catch block. */
public class InterruptedExceptionPublish {
    static String order;

    public static void main(String[] args) throws InterruptedException {
        Thread worker = new Thread(() -> {
            try {
                Thread.sleep(60_000); // the program's own blocking point; interrupted before or during it, it throws
            } catch (InterruptedException e) {
                System.out.println("woken: " + order);
            }
        });
        worker.start();
        while (worker.getState() != Thread.State.TIMED_WAITING) {
            Thread.onSpinWait();
        }
        order = "stop";
        worker.interrupt();
        worker.join();
    }
}
