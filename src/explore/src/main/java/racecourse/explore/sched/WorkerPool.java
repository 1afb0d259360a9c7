package racecourse.explore.sched;

import java.util.ArrayDeque;

/** The idle worker threads of one exploration, reused across its schedules. Thread-safe. */
public final class WorkerPool implements AutoCloseable {
    private final ArrayDeque<Worker> idle = new ArrayDeque<>(); // guarded by this
    private int created; // guarded by this
    private volatile boolean closed;

    /** An empty pool; workers start on demand. */
    public WorkerPool() {
    }

    /** An idle worker, or a new one. */
    synchronized Worker take() {
        Worker w = idle.pollLast();
        if (w == null) {
            w = new Worker(this, ++created);
            w.start();
        }
        return w;
    }

    /** Returns a worker whose task has ended. */
    synchronized void release(Worker w) {
        w.task = null;
        if (!closed) idle.addLast(w);
    }

    boolean closed() {
        return closed;
    }

    /** Lets every idle worker end. */
    @Override
    public synchronized void close() {
        closed = true;
        for (Worker w : idle) {
            w.task = null;
            w.baton.pass();
        }
        idle.clear();
    }
}
