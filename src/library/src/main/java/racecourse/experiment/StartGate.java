package racecourse.experiment;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lines up a fixed number of threads and releases them together, so their work overlaps in time instead of
 * running one after the other as thread start-up would otherwise arrange. Waiting threads spin (a blocking
 * barrier wakes threads too slowly to make them overlap). Thread-safe.
 */
public final class StartGate {
    private final int parties;
    private final AtomicInteger arrived = new AtomicInteger();
    private volatile boolean open;

    /** A gate for {@code parties} threads plus the one that opens it. */
    public StartGate(int parties) {
        if (parties < 1) throw new IllegalArgumentException("a gate needs at least one party, got " + parties);
        this.parties = parties;
    }

    /** Called by each worker: announces it is ready and waits until the gate opens. */
    public void arriveAndAwait() {
        arrived.incrementAndGet();
        while (!open) Thread.onSpinWait();
    }

    /** Called by the coordinating thread: waits until every worker is ready, then releases them all. */
    public void openWhenAllArrived() {
        int spins = 0;
        while (arrived.get() < parties) {
            if (++spins % 1024 == 0) Thread.yield(); // on a busy machine give the workers a chance to arrive
            else Thread.onSpinWait();
        }
        open = true;
    }
}
