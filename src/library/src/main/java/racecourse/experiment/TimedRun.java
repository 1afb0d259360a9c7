package racecourse.experiment;

import java.time.Duration;
import java.util.List;

/**
 * Lets a set of worker threads loop together for a fixed time: each worker calls {@link #ready()} before its
 * loop and loops while {@link #over()} is false; the measuring thread calls {@link #runFor} and gets the time
 * the workers ran. Thread-safe.
 */
public final class TimedRun {
    private final StartGate gate;
    private volatile boolean over;

    /** A run for {@code workers} threads. */
    public TimedRun(int workers) {
        this.gate = new StartGate(workers);
    }

    /** Called by each worker before its loop: waits until every worker is ready and the run starts. */
    public void ready() {
        gate.arriveAndAwait();
    }

    /** Whether the time is up: the workers' loop ends when this turns true. */
    public boolean over() {
        return over;
    }

    /**
     * Starts the workers together, lets them run for {@code time}, stops them and waits for them to end.
     *
     * @return milliseconds from the start to the moment the last worker ended
     */
    public double runFor(List<Thread> workers, Duration time) {
        gate.openWhenAllArrived();
        long start = System.nanoTime();
        try {
            Thread.sleep(time);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            over = true;
        }
        Workers.joinAll(workers);
        return (System.nanoTime() - start) / 1e6;
    }
}
