// expect: no race
/** A sleeping worker is interrupted; it reads what the interrupter wrote before, in its catch block. */
public class InterruptedExceptionPublish {
    static String order;

    public static void main(String[] args) throws InterruptedException {
        Thread worker = new Thread(() -> {
            try {
                // The program's own blocking point, not a wait for an event: main interrupts it once it is TIMED_WAITING, and
                // an interrupt that came earlier would make sleep throw at once, so no timing can change the result.
                Thread.sleep(60_000);
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
