package racecourse.experiment;

import java.util.List;

/** Waits for experiment threads. Thread-safe (static methods only). */
public final class Workers {
    private Workers() {
    }

    /**
     * Waits until every thread has ended. The experiments' threads do a bounded amount of work, so this always
     * returns; an interrupt while waiting is remembered and re-asserted on return rather than abandoning them.
     */
    public static void joinAll(List<Thread> workers) {
        boolean interrupted = false;
        for (Thread worker : workers) {
            while (true) {
                try {
                    worker.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
