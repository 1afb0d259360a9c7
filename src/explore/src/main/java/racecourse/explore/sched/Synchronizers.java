package racecourse.explore.sched;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Exchanger;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Models of the synchronizers that pass work or values between threads: {@code Phaser}, {@code Exchanger},
 * fork/join tasks and pools, and {@code CompletableFuture}'s async methods. The scheduler decides first whether a
 * thread may go on; a real object is then called only where it cannot block. A forked task or an async stage runs
 * as a controlled thread of its own. Called from a thread that no schedule controls, each entry point does the real
 * thing. Thread-safe: the state it touches belongs to the schedule whose turn the caller holds.
 */
public final class Synchronizers {
    private Synchronizers() {
    }

    // ---- Phaser ----------------------------------------------------------------------------------------------

    /** Replaces {@code Phaser.register()} and {@code bulkRegister(int)}. */
    public static int phaserRegister(Object phaser, int site) {
        return phaserRegister(phaser, 1, site);
    }

    /** Replaces {@code Phaser.bulkRegister(int)}. */
    public static int phaserRegister(Object phaser, int parties, int site) {
        step(phaser, site);
        return ((Phaser) phaser).bulkRegister(parties);
    }

    /** Replaces {@code Phaser.arrive()}: one step, then the real arrival (which never blocks). */
    public static int phaserArrive(Object phaser, int site) {
        step(phaser, site);
        return ((Phaser) phaser).arrive();
    }

    /** Replaces {@code Phaser.arriveAndDeregister()}. */
    public static int phaserArriveAndDeregister(Object phaser, int site) {
        step(phaser, site);
        return ((Phaser) phaser).arriveAndDeregister();
    }

    /** Replaces {@code Phaser.forceTermination()}. */
    public static void phaserForceTermination(Object phaser, int site) {
        step(phaser, site);
        ((Phaser) phaser).forceTermination();
    }

    /** Replaces {@code Phaser.arriveAndAwaitAdvance()}: arrive, then wait until the phase advances. */
    public static int phaserArriveAndAwaitAdvance(Object phaser, int site) {
        Phaser p = (Phaser) phaser;
        LogicalThread me = Worker.current();
        if (me == null) return p.arriveAndAwaitAdvance();
        step(p, site);
        int phase = p.arrive();
        return phase < 0 ? phase : awaitPhase(me, p, phase, false, site);
    }

    /** Replaces {@code Phaser.awaitAdvance(int)}. */
    public static int phaserAwaitAdvance(Object phaser, int phase, int site) {
        Phaser p = (Phaser) phaser;
        LogicalThread me = Worker.current();
        if (me == null) return p.awaitAdvance(phase);
        return awaitPhase(me, p, phase, false, site);
    }

    /** Replaces {@code Phaser.awaitAdvanceInterruptibly(int)}. */
    public static int phaserAwaitAdvanceInterruptibly(Object phaser, int phase, int site) throws InterruptedException {
        Phaser p = (Phaser) phaser;
        LogicalThread me = Worker.current();
        if (me == null) return p.awaitAdvanceInterruptibly(phase);
        int next = awaitPhase(me, p, phase, true, site);
        Hooks.interruptCheck(me);
        return next;
    }

    /** Replaces {@code Phaser.awaitAdvanceInterruptibly(int, long, TimeUnit)}: its timeout passes only when nothing else can run. */
    public static int phaserAwaitAdvanceInterruptibly(Object phaser, int phase, long time, TimeUnit unit, int site)
            throws InterruptedException, TimeoutException {
        Phaser p = (Phaser) phaser;
        LogicalThread me = Worker.current();
        if (me == null) return p.awaitAdvanceInterruptibly(phase, time, unit);
        me.run.point(me, new Op(Op.SYNC, p, -1, site), new Blocker(() -> p.getPhase() != phase || me.interrupted,
                "for %s to finish phase " + phase, true, p, null));
        me.timedOut = false;
        Hooks.interruptCheck(me);
        if (p.getPhase() == phase) throw new TimeoutException();
        return p.awaitAdvance(phase);
    }

    private static int awaitPhase(LogicalThread me, Phaser p, int phase, boolean interruptible, int site) {
        me.run.point(me, new Op(Op.SYNC, p, -1, site), new Blocker(
                () -> p.getPhase() != phase || interruptible && me.interrupted, "for %s to finish phase " + phase, p));
        return p.getPhase() == phase ? phase : p.awaitAdvance(phase); // advanced: the real call returns at once
    }

    // ---- Exchanger -------------------------------------------------------------------------------------------

    /** One thread's offer at an exchanger, waiting for a partner. */
    private static final class Offer {
        final Object item;
        Object reply;
        boolean matched;

        Offer(Object item) {
            this.item = item;
        }
    }

    /** Replaces {@code Exchanger.exchange(Object)}: the first to arrive waits, the second takes its item. */
    @SuppressWarnings("unchecked")
    public static Object exchange(Object exchanger, Object item, int site) throws InterruptedException {
        LogicalThread me = Worker.current();
        if (me == null) return ((Exchanger<Object>) exchanger).exchange(item);
        try {
            return exchange(me, exchanger, item, false, site);
        } catch (TimeoutException e) {
            throw new IllegalStateException(e); // an untimed exchange does not time out
        }
    }

    /** Replaces {@code Exchanger.exchange(Object, long, TimeUnit)}: its timeout passes only when nothing else can run. */
    @SuppressWarnings("unchecked")
    public static Object exchange(Object exchanger, Object item, long time, TimeUnit unit, int site)
            throws InterruptedException, TimeoutException {
        LogicalThread me = Worker.current();
        if (me == null) return ((Exchanger<Object>) exchanger).exchange(item, time, unit);
        return exchange(me, exchanger, item, true, site);
    }

    private static Object exchange(LogicalThread me, Object exchanger, Object item, boolean timed, int site)
            throws InterruptedException, TimeoutException {
        Run r = me.run;
        r.point(me, new Op(Op.SYNC, exchanger, -1, site), null);
        Offer[] slot = (Offer[]) r.models.computeIfAbsent(exchanger, k -> new Offer[1]);
        Offer waiting = slot[0];
        if (waiting != null) {
            slot[0] = null;
            waiting.reply = item;
            waiting.matched = true;
            return waiting.item;
        }
        Offer mine = new Offer(item);
        slot[0] = mine;
        r.point(me, new Op(Op.SYNC, exchanger, -1, site), new Blocker(() -> mine.matched || me.interrupted,
                "for a partner at %s", timed, exchanger, null));
        me.timedOut = false;
        if (!mine.matched) {
            slot[0] = null;
            Hooks.interruptCheck(me);
            throw new TimeoutException();
        }
        return mine.reply;
    }

    // ---- fork/join -------------------------------------------------------------------------------------------

    /** Replaces {@code ForkJoinTask.fork()}: the task runs as a new controlled thread. */
    public static ForkJoinTask<?> fork(Object task, int site) {
        ForkJoinTask<?> t = (ForkJoinTask<?>) task;
        LogicalThread me = Worker.current();
        if (me == null) return t.fork();
        startTask(me, t, t, "fork", site);
        return t;
    }

    /**
     * A forked task's state in a schedule: the object its completion step is on (the task, or the pool it was
     * given to) and whether that step is still to come. A join waits for the step and takes one on the same
     * object, so the two are dependent, as the reduction needs.
     */
    private static final class TaskState {
        final Object publishOn;
        boolean pending = true;

        TaskState(Object publishOn) {
            this.publishOn = publishOn;
        }
    }

    private static void startTask(LogicalThread me, ForkJoinTask<?> t, Object publishOn, String name, int site) {
        Run r = me.run;
        TaskState state = new TaskState(publishOn);
        r.models.put(t, state);
        Thread thread = new Thread(() -> {
            t.quietlyInvoke(); // an exception stays in the task, for join to throw
            LogicalThread lt = Worker.current();
            if (!lt.run.unwinding) lt.run.point(lt, new Op(Op.SYNC, publishOn, -1, Sites.NONE), null);
            state.pending = false;
        }, name + "-" + (r.threadCount() + 1));
        Hooks.startModelThread(thread, site);
    }

    /** Replaces {@code ForkJoinTask.join()}: waits (as a step) until the task is done. */
    public static Object join(Object task, int site) {
        ForkJoinTask<?> t = (ForkJoinTask<?>) task;
        awaitTask(t, site);
        return t.join();
    }

    /** Replaces {@code ForkJoinTask.get()}: as join, but a failure comes as an ExecutionException. */
    public static Object taskGet(Object task, int site) throws Exception {
        ForkJoinTask<?> t = (ForkJoinTask<?>) task;
        awaitTask(t, site);
        return t.get();
    }

    private static void awaitTask(ForkJoinTask<?> t, int site) {
        LogicalThread me = Worker.current();
        if (me == null) return;
        Run r = me.run;
        TaskState state = r.models.get(t) instanceof TaskState s ? s : null;
        r.point(me, new Op(Op.SYNC, state == null ? t : state.publishOn, -1, site),
                new Blocker(() -> t.isDone() && (state == null || !state.pending), "for %s to complete", false, t, null));
    }

    /** Replaces {@code ForkJoinTask.invokeAll(t1, t2)}: forks the second, runs the first here, joins the second. */
    public static void invokeAll(ForkJoinTask<?> first, ForkJoinTask<?> second, int site) {
        invokeAll(new ForkJoinTask<?>[] {first, second}, site);
    }

    /** Replaces {@code ForkJoinTask.invokeAll(ForkJoinTask...)}. */
    public static void invokeAll(ForkJoinTask<?>[] tasks, int site) {
        LogicalThread me = Worker.current();
        if (me == null) {
            ForkJoinTask.invokeAll(tasks);
            return;
        }
        for (int i = 1; i < tasks.length; i++) startTask(me, tasks[i], tasks[i], "fork", site);
        if (tasks.length > 0) tasks[0].invoke();
        for (int i = 1; i < tasks.length; i++) join(tasks[i], site);
    }

    /** Replaces {@code ForkJoinTask.invokeAll(Collection)}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Collection invokeAll(Collection tasks, int site) {
        invokeAll(((Collection<ForkJoinTask<?>>) tasks).toArray(new ForkJoinTask<?>[0]), site);
        return tasks;
    }

    /** Replaces {@code ForkJoinPool.invoke(task)}: the task runs as a pool thread, and the caller joins it. */
    public static Object poolInvoke(Object pool, ForkJoinTask<?> task, int site) {
        poolSubmit(pool, task, site);
        return join(task, site);
    }

    /** Replaces {@code ForkJoinPool.submit(ForkJoinTask)}. */
    public static ForkJoinTask<?> poolSubmit(Object pool, ForkJoinTask<?> t, int site) {
        LogicalThread me = Worker.current();
        if (me == null) return ((ForkJoinPool) pool).submit(t);
        poolTasks(me.run, pool).add(t);
        startTask(me, t, pool, "pool-worker", site);
        return t;
    }

    /** Replaces {@code ForkJoinPool.execute(ForkJoinTask)}. */
    public static void poolExecute(Object pool, ForkJoinTask<?> task, int site) {
        poolSubmit(pool, task, site);
    }

    /** Replaces {@code ForkJoinPool.close()}: waits until every task given to the pool is done. */
    public static void poolClose(Object pool, int site) {
        LogicalThread me = Worker.current();
        if (me == null) {
            ((ForkJoinPool) pool).close();
            return;
        }
        awaitPoolTasks(me, pool, false, site);
        if (pool != ForkJoinPool.commonPool()) ((ForkJoinPool) pool).shutdown();
    }

    /** Replaces {@code ForkJoinPool.awaitTermination}: true once shut down with every task done. */
    public static boolean poolAwaitTermination(Object pool, long time, TimeUnit unit, int site)
            throws InterruptedException {
        ForkJoinPool p = (ForkJoinPool) pool;
        LogicalThread me = Worker.current();
        if (me == null) return p.awaitTermination(time, unit);
        boolean done = awaitPoolTasks(me, pool, true, site);
        return done && p.isShutdown();
    }

    private static boolean awaitPoolTasks(LogicalThread me, Object pool, boolean timed, int site) {
        Run r = me.run;
        List<ForkJoinTask<?>> tasks = poolTasks(r, pool);
        java.util.function.BooleanSupplier done = () -> tasks.stream().allMatch(
                t -> t.isDone() && !(r.models.get(t) instanceof TaskState s && s.pending));
        r.point(me, new Op(Op.SYNC, pool, -1, site), new Blocker(done, "for the tasks of %s", timed, pool, null));
        me.timedOut = false;
        return done.getAsBoolean();
    }

    @SuppressWarnings("unchecked")
    private static List<ForkJoinTask<?>> poolTasks(Run r, Object pool) {
        return (List<ForkJoinTask<?>>) r.models.computeIfAbsent(pool, k -> new ArrayList<ForkJoinTask<?>>());
    }

    // ---- CompletableFuture -----------------------------------------------------------------------------------

    /**
     * The executor given to a {@code CompletableFuture} async method called without one: each stage runs as a
     * controlled thread of its own. Outside a schedule it is the future's usual default executor.
     */
    public static Executor asyncExecutor(int site) {
        LogicalThread me = Worker.current();
        if (me == null) return new CompletableFuture<Void>().defaultExecutor();
        return task -> {
            LogicalThread caller = Worker.current();
            if (caller == null) { // completed from outside the schedule: run as the future would
                new CompletableFuture<Void>().defaultExecutor().execute(task);
                return;
            }
            Run r = caller.run;
            Thread thread = new Thread(() -> {
                task.run();
                LogicalThread lt = Worker.current();
                if (lt.run.unwinding) return;
                lt.run.unpublished++;
                try { // one step that orders everything: a future may be completed anywhere inside the stage
                    lt.run.point(lt, new Op(Op.GLOBAL, null, -1, site), null);
                } finally {
                    lt.run.unpublished--;
                }
            }, "async-" + (r.threadCount() + 1));
            Hooks.startModelThread(thread, site);
        };
    }

    /** Replaces {@code CompletableFuture.join()}: waits (as a step) until the future is done. */
    public static Object futureJoin(Object future, int site) {
        CompletableFuture<?> f = (CompletableFuture<?>) future;
        awaitFuture(f, false, site);
        return f.join();
    }

    /** Replaces {@code CompletableFuture.get()}: as join, but a failure comes as an ExecutionException. */
    public static Object futureGet(Object future, int site) throws Exception {
        CompletableFuture<?> f = (CompletableFuture<?>) future;
        awaitFuture(f, false, site);
        return f.get();
    }

    /** Replaces {@code CompletableFuture.get(long, TimeUnit)}: its timeout passes only when nothing else can run. */
    public static Object futureGet(Object future, long time, TimeUnit unit, int site) throws Exception {
        CompletableFuture<?> f = (CompletableFuture<?>) future;
        if (Worker.current() == null) return f.get(time, unit);
        awaitFuture(f, true, site);
        if (!f.isDone()) throw new TimeoutException();
        return f.get();
    }

    private static void awaitFuture(CompletableFuture<?> f, boolean timed, int site) {
        LogicalThread me = Worker.current();
        if (me == null) return;
        Run r = me.run;
        // a future may be completed inside any stage (or by any thread), so the wait is a step that depends on
        // every other step, and it sees every stage completed so far
        r.point(me, new Op(Op.GLOBAL, null, -1, site),
                new Blocker(() -> f.isDone() && r.unpublished == 0, "for %s to complete", timed, f, null));
        me.timedOut = false;
    }

    private static void step(Object on, int site) {
        LogicalThread me = Worker.current();
        if (me != null && !me.run.unwinding) me.run.point(me, new Op(Op.SYNC, on, -1, site), null);
    }
}
