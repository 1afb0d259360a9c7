package racecourse.explore.sched;

/**
 * A pooled daemon thread that runs controlled threads' bodies, one after another, across schedules; it runs only
 * when its {@link Baton} is passed. Thread-safe.
 */
final class Worker extends Thread {
    final Baton baton = new Baton(this);
    private final WorkerPool pool;
    volatile LogicalThread task; // written by the thread that hands it over, before pass()

    Worker(WorkerPool pool, int number) {
        super("explore-worker-" + number);
        this.pool = pool;
        setDaemon(true);
    }

    @Override
    public void run() {
        while (true) {
            baton.await();
            LogicalThread t = task;
            if (t == null) return; // the pool closed
            t.run.enter(t, this);
            if (pool.closed()) return;
        }
    }

    /** The controlled thread running on the calling thread, or null when it is not a worker of an active schedule. */
    static LogicalThread current() {
        return Thread.currentThread() instanceof Worker w ? w.task : null;
    }
}
