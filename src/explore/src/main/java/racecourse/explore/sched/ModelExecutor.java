package racecourse.explore.sched;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The executor the explorer hands out for {@code Executors.newFixedThreadPool} and its kin: each task runs as a
 * controlled thread of its own, but at most {@code size} of them at once and in the order submitted, as a pool of
 * that many threads would run them. Not thread-safe: only the thread holding the schedule's turn touches it.
 */
public final class ModelExecutor extends AbstractExecutorService {
    /** Marks, in the schedule's models, a task whose completion step is still to come. */
    static final Object PENDING = new Object();
    private final int size;
    private final ArrayDeque<Thread> waiting = new ArrayDeque<>();
    private int running;
    private int unfinished;
    private int made;
    private boolean shutdown;

    /** An executor that runs at most {@code size} tasks at once. */
    public ModelExecutor(int size) {
        this.size = Math.max(1, size);
    }

    @Override
    public void execute(Runnable task) {
        LogicalThread me = Worker.current();
        if (me == null) throw new IllegalStateException("tasks must be submitted by a thread of the explored program");
        if (shutdown) throw new RejectedExecutionException("the executor was shut down");
        me.run.models.put(task, PENDING);
        Thread[] self = new Thread[1];
        Thread t = new Thread(() -> {
            LogicalThread lt = Worker.current();
            lt.run.point(lt, new Op(Op.SYNC, this, -1, Sites.NONE), new Blocker(
                    () -> waiting.peekFirst() == self[0] && running < size, "for a free thread of %s", this));
            waiting.pollFirst();
            running++;
            try {
                task.run();
            } finally {
                if (!lt.run.unwinding) {
                    lt.run.point(lt, new Op(Op.SYNC, task, -1, Sites.NONE), null); // its result is published
                    lt.run.models.remove(task);
                    lt.run.point(lt, new Op(Op.SYNC, this, -1, Sites.NONE), null); // and the executor sees it end
                }
                running--;
                unfinished--;
            }
        }, "pool-task-" + (++made));
        self[0] = t;
        waiting.addLast(t);
        unfinished++;
        Hooks.startModelThread(t, Sites.NONE);
    }

    @Override
    public void shutdown() {
        shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown = true;
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return shutdown && unfinished == 0;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        LogicalThread me = Worker.current();
        if (me == null) return isTerminated();
        me.run.point(me, new Op(Op.SYNC, this, -1, Sites.NONE),
                new Blocker(() -> shutdown && unfinished == 0, "for %s to finish its tasks", true, this, null));
        me.timedOut = false;
        return isTerminated();
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) {
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> c : tasks) futures.add(submit(c));
        for (Future<T> f : futures) Hooks.awaitDone(f, Sites.NONE);
        return futures;
    }
}
