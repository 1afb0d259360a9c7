package racecourse.explore.sched;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BooleanSupplier;

/**
 * The entry points that instrumented code calls: one scheduling point before each shared access, and models of
 * the blocking calls (monitors, wait/notify, thread start/join/sleep/interrupt, park, locks and conditions,
 * semaphores, latches, blocking queues), decided by the scheduler first so that the real call never blocks. Called
 * from a thread that no schedule controls, each hook simply does the real thing. Thread-safe: the state it touches
 * belongs to the schedule whose turn the caller holds.
 */
public final class Hooks {
    /** The lock of each condition made by {@code newCondition} in instrumented code. */
    private static final Map<Object, Object> CONDITION_LOCKS = Collections.synchronizedMap(new WeakHashMap<>());
    /** The write lock of each read lock, and the read lock of each write lock, of a ReentrantReadWriteLock. */
    private static final Map<Object, Object> RW_PARTNERS = Collections.synchronizedMap(new WeakHashMap<>());
    /** The body of each thread made by a Thread.Builder (virtual threads have no Runnable to reach otherwise). */
    private static final Map<Thread, Runnable> BUILT = Collections.synchronizedMap(new WeakHashMap<>());
    /** Daemon flags the program set itself on threads it has not started yet. */
    private static final Map<Thread, Boolean> DAEMON = Collections.synchronizedMap(new WeakHashMap<>());
    /** The daemon flag a platform thread builder was given ({@code Thread.ofPlatform().daemon(...)}). */
    private static final Map<Object, Boolean> BUILDER_DAEMON = Collections.synchronizedMap(new WeakHashMap<>());

    private Hooks() {
    }

    // ---- memory ----------------------------------------------------------------------------------------------

    /** Before a read of an instance field. */
    public static void read(Object target, int site) {
        LogicalThread me = Worker.current();
        if (me != null) memory(me, target, Sites.get(site).fieldKey(), site, false);
    }

    /** Before a write of an instance field. */
    public static void write(Object target, int site) {
        LogicalThread me = Worker.current();
        if (me != null) memory(me, target, Sites.get(site).fieldKey(), site, true);
    }

    /** Before a read of a static field. */
    public static void readStatic(int site) {
        LogicalThread me = Worker.current();
        if (me != null) memory(me, null, Sites.get(site).fieldKey(), site, false);
    }

    /** Before a write of a static field. */
    public static void writeStatic(int site) {
        LogicalThread me = Worker.current();
        if (me != null) memory(me, null, Sites.get(site).fieldKey(), site, true);
    }

    /**
     * Before a plain {@code VarHandle} get or set that may be a field's ({@code target} is the object of an
     * instance field, else null): the same step as an ordinary access of that field, so it depends on exactly the
     * accesses that field's other readers and writers make, and the race check sees a data access. A handle that
     * is not a field's (or cannot be described) takes the global step, as other {@code VarHandle} calls do.
     * {@code caller} is the class that made the call; its loader finds the class of a static field.
     */
    public static void fieldHandle(Object handle, Object target, boolean write, int site, Class<?> caller) {
        LogicalThread me = Worker.current();
        if (me == null) return;
        java.lang.reflect.Field f = handle instanceof java.lang.invoke.VarHandle h
                ? racecourse.race.edges.VarHandleFields.field(h, caller.getClassLoader()) : null;
        if (f == null) {
            global(site);
            return;
        }
        boolean isStatic = java.lang.reflect.Modifier.isStatic(f.getModifiers());
        String owner = f.getDeclaringClass().getName().replace('.', '/');
        Sites.noteField(site, owner, f.getName());
        memory(me, isStatic ? null : target, Sites.fieldKey(owner, f.getName()), site, write);
    }

    /** Before an array element read. */
    public static void arrayRead(Object array, int index, int site) {
        LogicalThread me = Worker.current();
        if (me != null) memory(me, array, index, site, false);
    }

    /** Before an array element write. */
    public static void arrayWrite(Object array, int index, int site) {
        LogicalThread me = Worker.current();
        if (me != null) memory(me, array, index, site, true);
    }

    /**
     * Before a bulk array operation of the JDK ({@code Arrays.fill}, {@code System.arraycopy}, {@code Arrays.sort},
     * ...): one step on the array, dependent with every access to its elements; the race check then sees an
     * access to each element of {@code [from, to)} (clamped to the array), as the detector does.
     */
    public static void arrayRange(Object array, int from, int to, boolean write, int site) {
        LogicalThread me = Worker.current();
        if (me == null || array == null || !array.getClass().isArray()) return; // the call itself reports a bad array
        memory(me, array, Op.RANGE, site, write);
        if (me.run.races != null && me.initialising == 0) {
            int length = java.lang.reflect.Array.getLength(array);
            me.run.races.range(me, array, Math.max(0, from), Math.min(length, to), site, write);
        }
    }

    /** Before a call on an atomic variable or a collection: one step on the whole object. */
    public static void access(Object receiver, int site) {
        LogicalThread me = Worker.current();
        if (me != null) memory(me, receiver, -1, site, Sites.get(site).write());
    }

    /** Before a library call that may touch anything: one step that conflicts with every other. */
    public static void global(int site) {
        LogicalThread me = Worker.current();
        if (me != null) me.run.point(me, new Op(Op.GLOBAL, null, -1, site), null);
    }

    /** Before a call the explorer cannot control (executors, timers): ends the schedule with "unsupported". */
    public static void unsupported(int site) {
        LogicalThread me = Worker.current();
        if (me == null) return;
        Sites.Site s = Sites.get(site);
        throw me.run.end(new Ending(Ending.Kind.UNSUPPORTED, "unsupported: " + s.what(), "thread " + me.run.label(me)
                + " called " + s.what() + " at " + s.where() + ": the explorer does not model it yet; start "
                + "threads with Thread.start (or Thread.ofVirtual().start) and use the modelled synchronizers"));
    }

    private static void memory(LogicalThread me, Object target, int key, int site, boolean write) {
        if (me.initialising > 0) return; // inside a static initialiser: no step, and no spin to notice
        Run r = me.run;
        if (!write) {
            if (target == me.lastReadTarget && key == me.lastReadKey && r.writes == me.lastReadWrites) {
                if (++me.repeats >= 2) me.spinning = true; // a third read of an unchanged variable: it spins
            } else {
                me.repeats = 0;
                me.lastReadTarget = target;
                me.lastReadKey = key;
                me.lastReadWrites = r.writes;
            }
        }
        r.point(me, new Op(write ? Op.WRITE : Op.READ, target, key, site), null);
    }

    // ---- static initialisers and thread-local values -------------------------------------------------------------

    /** At the start of a static initialiser: until it ends, the thread takes no steps of its own. */
    public static void initialiserEnter() {
        LogicalThread me = Worker.current();
        if (me != null) me.initialising++;
    }

    /** At the end of a static initialiser, normal or not. */
    public static void initialiserExit() {
        LogicalThread me = Worker.current();
        if (me != null && me.initialising > 0) me.initialising--;
    }

    /**
     * Replaces {@code ThreadLocal.get()}: a controlled thread keeps its own values, whatever real thread carries
     * it; the first get computes the initial value (on the carrier, whose own value is then cleared).
     */
    @SuppressWarnings("unchecked")
    public static Object threadLocalGet(Object local, int site) {
        ThreadLocal<Object> tl = (ThreadLocal<Object>) local;
        LogicalThread me = Worker.current();
        if (me == null) return tl.get();
        if (me.locals == null) me.locals = new java.util.IdentityHashMap<>();
        if (me.locals.containsKey(tl)) return me.locals.get(tl);
        tl.remove();
        Object v = tl.get();
        tl.remove();
        me.locals.put(tl, v);
        return v;
    }

    /** Replaces {@code ThreadLocal.set(Object)}. */
    @SuppressWarnings("unchecked")
    public static void threadLocalSet(Object local, Object value, int site) {
        LogicalThread me = Worker.current();
        if (me == null) {
            ((ThreadLocal<Object>) local).set(value);
            return;
        }
        if (me.locals == null) me.locals = new java.util.IdentityHashMap<>();
        me.locals.put((ThreadLocal<?>) local, value);
    }

    /** Replaces {@code ThreadLocal.remove()}. */
    public static void threadLocalRemove(Object local, int site) {
        LogicalThread me = Worker.current();
        if (me == null) {
            ((ThreadLocal<?>) local).remove();
            return;
        }
        if (me.locals != null) me.locals.remove(local);
    }

    // ---- monitors --------------------------------------------------------------------------------------------

    /** Replaces {@code monitorenter}. */
    public static void monitorEnter(Object lock, int site) {
        if (lock == null) throw new NullPointerException("synchronized (null)");
        LogicalThread me = Worker.current();
        if (me == null) return;
        Run r = me.run;
        r.point(me, new Op(Op.SYNC, lock, -1, site), new Blocker(free(r, lock, me), "to lock %s", lock));
        acquire(r, me, lock, 1);
    }

    /** Replaces {@code monitorexit}. */
    public static void monitorExit(Object lock, int site) {
        LogicalThread me = Worker.current();
        if (me == null) return;
        Run r = me.run;
        if (r.unwinding) { // leave the model consistent while a schedule unwinds; no step
            release(r, me, lock, false);
            return;
        }
        r.point(me, new Op(Op.SYNC, lock, -1, site), null);
        release(r, me, lock, true);
    }

    private static BooleanSupplier free(Run r, Object lock, LogicalThread me) {
        return () -> {
            Run.Owner o = r.owners.get(lock);
            return o == null || o.thread == null || o.thread == me;
        };
    }

    private static void acquire(Run r, LogicalThread me, Object lock, int count) {
        Run.Owner o = r.owners.computeIfAbsent(lock, k -> new Run.Owner());
        o.thread = me;
        o.count += count;
    }

    /** Releases one hold; returns the holds left. */
    private static int release(Run r, LogicalThread me, Object lock, boolean strict) {
        Run.Owner o = r.owners.get(lock);
        if (o == null || o.thread != me) {
            if (strict) throw new IllegalMonitorStateException("current thread does not hold the lock");
            return 0;
        }
        if (--o.count == 0) o.thread = null;
        return o.count;
    }

    /** Replaces {@code Object.wait()}. */
    public static void waitFor(Object lock, int site) throws InterruptedException {
        waitOn(lock, false, site);
    }

    /** Replaces {@code Object.wait(long)}. */
    public static void waitFor(Object lock, long millis, int site) throws InterruptedException {
        if (millis < 0) throw new IllegalArgumentException("timeout value is negative");
        waitOn(lock, millis > 0, site);
    }

    /** Replaces {@code Object.wait(long, int)}. */
    public static void waitFor(Object lock, long millis, int nanos, int site) throws InterruptedException {
        waitOn(lock, millis > 0 || nanos > 0, site);
    }

    private static void waitOn(Object lock, boolean timed, int site) throws InterruptedException {
        LogicalThread me = Worker.current();
        if (me == null) {
            synchronized (lock) {
                lock.wait(1);
            }
            return;
        }
        Run r = me.run;
        r.point(me, new Op(Op.SYNC, lock, -1, site), null);
        Run.Owner o = r.owners.get(lock);
        if (o == null || o.thread != me) throw new IllegalMonitorStateException("current thread is not owner");
        int holds = o.count;
        if (me.interrupted) {
            me.interrupted = false;
            throw new InterruptedException();
        }
        o.count = 0;
        o.thread = null;
        ArrayDeque<LogicalThread> set = r.waitSets.computeIfAbsent(lock, k -> new ArrayDeque<>());
        me.notified = false;
        set.addLast(me);
        BooleanSupplier free = free(r, lock, me);
        r.point(me, new Op(Op.SYNC, lock, -1, site), new Blocker(
                () -> (me.notified || me.interrupted) && free.getAsBoolean(), "to be notified on %s", timed, lock, free));
        set.remove(me);
        me.timedOut = false;
        acquire(r, me, lock, holds);
        if (me.interrupted && !me.notified) {
            me.interrupted = false;
            throw new InterruptedException();
        }
    }

    /** Replaces {@code Object.notify()}. */
    public static void notifyOne(Object lock, int site) {
        notifyOn(lock, false, site);
    }

    /** Replaces {@code Object.notifyAll()}. */
    public static void notifyEvery(Object lock, int site) {
        notifyOn(lock, true, site);
    }

    private static void notifyOn(Object lock, boolean all, int site) {
        LogicalThread me = Worker.current();
        if (me == null) {
            synchronized (lock) {
                if (all) lock.notifyAll(); else lock.notify();
            }
            return;
        }
        Run r = me.run;
        r.point(me, new Op(Op.SYNC, lock, -1, site), null);
        Run.Owner o = r.owners.get(lock);
        if (o == null || o.thread != me) throw new IllegalMonitorStateException("current thread is not owner");
        wake(r, lock, all);
    }

    private static void wake(Run r, Object key, boolean all) {
        ArrayDeque<LogicalThread> set = r.waitSets.get(key);
        if (set == null) return;
        while (!set.isEmpty()) {
            LogicalThread t = set.pollFirst();
            t.notified = true;
            if (!all) return;
        }
    }

    // ---- threads ---------------------------------------------------------------------------------------------

    /** Replaces {@code Thread.start()}. */
    public static void start(Object thread, int site) {
        Thread t = (Thread) thread;
        LogicalThread me = Worker.current();
        if (me == null) {
            t.start();
            return;
        }
        Run r = me.run;
        r.point(me, new Op(Op.SYNC, t, -1, site), null);
        if (r.byThread.containsKey(t)) throw new IllegalThreadStateException("thread already started");
        if (r.threads.size() >= r.config.threadCap()) {
            throw r.end(new Ending(Ending.Kind.THREAD_CAP, "more than " + r.config.threadCap() + " threads",
                    "thread " + r.label(me) + " started thread number " + (r.threads.size() + 1) + " at "
                            + Sites.get(site).where() + "; the explorer runs at most " + r.config.threadCap()
                            + " threads (--threads to change)"));
        }
        Runnable body = BUILT.remove(t);
        LogicalThread lt = new LogicalThread(r, r.threads.size(), body != null ? body : t::run, t);
        lt.daemon = daemonOf(t, me);
        r.threads.add(lt);
        r.byThread.put(t, lt);
        if (r.races != null) r.races.fork(me, lt);
    }

    /** Starts a thread of a model (a pool's task thread, a forked task, an async stage): a daemon, as pool threads are. */
    static void startModelThread(Thread t, int site) {
        DAEMON.put(t, true);
        start(t, site);
    }

    /**
     * Whether a program thread is a daemon. The JDK copies the flag from the thread that ran the constructor, which
     * here is one of the explorer's own daemon threads; so the flag comes from what the program set, or else from
     * the program thread that starts it (the one that almost always made it). Virtual threads are always daemons.
     */
    private static boolean daemonOf(Thread t, LogicalThread starter) {
        if (t.isVirtual()) return true;
        Boolean set = DAEMON.get(t);
        return set != null ? set : starter.daemon;
    }

    /** Replaces {@code Thread.setDaemon(boolean)}: records the program's choice, which the JDK's flag cannot show. */
    public static void setDaemon(Object thread, boolean on, int site) {
        Thread t = (Thread) thread;
        LogicalThread me = Worker.current();
        if (me != null) {
            LogicalThread lt = me.run.byThread.get(t);
            if (lt != null && !lt.finished) throw new IllegalThreadStateException("thread already started");
        }
        t.setDaemon(on);
        DAEMON.put(t, on);
    }

    /** Replaces {@code Thread.isDaemon()}: the program's view of the flag (see {@link #daemonOf}). */
    public static boolean isDaemon(Object thread, int site) {
        Thread t = (Thread) thread;
        LogicalThread me = Worker.current();
        if (me == null) return t.isDaemon();
        LogicalThread lt = me.run.byThread.get(t);
        return lt != null ? lt.daemon : daemonOf(t, me);
    }

    /** Replaces {@code Thread.Builder.start(Runnable)}. */
    public static Thread builderStart(Object builder, Runnable task, int site) {
        Thread t = builderUnstarted(builder, task, site);
        start(t, site);
        return t;
    }

    /** Replaces {@code Thread.Builder.unstarted(Runnable)}: a platform builder's daemon flag is the thread's. */
    public static Thread builderUnstarted(Object builder, Runnable task, int site) {
        Thread t = ((Thread.Builder) builder).unstarted(task);
        BUILT.put(t, task);
        Boolean daemon = BUILDER_DAEMON.get(builder);
        if (daemon != null && !t.isVirtual()) DAEMON.put(t, daemon);
        return t;
    }

    /** Replaces {@code Thread.Builder.OfPlatform.daemon(boolean)}: records the program's choice for its threads. */
    public static Thread.Builder.OfPlatform builderDaemon(Object builder, boolean on, int site) {
        BUILDER_DAEMON.put(builder, on);
        return ((Thread.Builder.OfPlatform) builder).daemon(on);
    }

    /** Replaces {@code Thread.Builder.OfPlatform.daemon()}: the same as {@code daemon(true)}. */
    public static Thread.Builder.OfPlatform builderDaemon(Object builder, int site) {
        return builderDaemon(builder, true, site);
    }

    /** Replaces {@code Thread.startVirtualThread(Runnable)}. */
    public static Thread startVirtualThread(Runnable task, int site) {
        return builderStart(Thread.ofVirtual(), task, site);
    }

    /** Replaces {@code Thread.currentThread()}. */
    public static Thread currentThread(int site) {
        LogicalThread me = Worker.current();
        return me == null ? Thread.currentThread() : me.threadObject();
    }

    /** Replaces {@code Thread.join()}. */
    public static void join(Object thread, int site) throws InterruptedException {
        joinOn((Thread) thread, false, site);
    }

    /** Replaces {@code Thread.join(long)}. */
    public static void join(Object thread, long millis, int site) throws InterruptedException {
        joinOn((Thread) thread, millis > 0, site);
    }

    /** Replaces {@code Thread.join(Duration)}. */
    public static boolean join(Object thread, Duration d, int site) throws InterruptedException {
        joinOn((Thread) thread, true, site);
        LogicalThread me = Worker.current();
        if (me == null) return !((Thread) thread).isAlive();
        LogicalThread lt = me.run.byThread.get(thread);
        return lt == null || lt.finished;
    }

    private static void joinOn(Thread t, boolean timed, int site) throws InterruptedException {
        LogicalThread me = Worker.current();
        if (me == null) {
            t.join();
            return;
        }
        Run r = me.run;
        LogicalThread lt = r.byThread.get(t);
        if (lt == me) throw new IllegalStateException("a thread cannot join itself here");
        r.point(me, new Op(Op.SYNC, t, -1, site), lt == null ? null
                : new Blocker(() -> lt.finished || me.interrupted, "for %s to end", timed, t, null));
        me.timedOut = false;
        interruptCheck(me);
    }

    /** Replaces {@code Thread.sleep(long)}: a step that lets the others go first. */
    public static void sleep(long millis, int site) throws InterruptedException {
        LogicalThread me = Worker.current();
        if (me == null) {
            Thread.sleep(millis);
            return;
        }
        me.spinning = true;
        me.run.point(me, new Op(Op.LOCAL, null, -1, site), null);
        interruptCheck(me);
    }

    /** Replaces {@code Thread.sleep(long, int)}. */
    public static void sleep(long millis, int nanos, int site) throws InterruptedException {
        sleep(millis, site);
    }

    /** Replaces {@code Thread.sleep(Duration)}. */
    public static void sleep(Duration d, int site) throws InterruptedException {
        sleep(d.toMillis(), site);
    }

    /** Replaces {@code Thread.yield()}. */
    public static void yieldNow(int site) {
        LogicalThread me = Worker.current();
        if (me == null) {
            Thread.yield();
            return;
        }
        me.spinning = true;
        me.run.point(me, new Op(Op.LOCAL, null, -1, site), null);
    }

    /** Replaces {@code Thread.onSpinWait()}. */
    public static void onSpinWait(int site) {
        LogicalThread me = Worker.current();
        if (me == null) {
            Thread.onSpinWait();
            return;
        }
        me.spinning = true;
        me.run.point(me, new Op(Op.LOCAL, null, -1, site), null);
    }

    /** Replaces {@code Thread.interrupt()}. */
    public static void interrupt(Object thread, int site) {
        Thread t = (Thread) thread;
        LogicalThread me = Worker.current();
        LogicalThread lt = me == null ? null : me.run.byThread.get(t);
        if (lt == null) {
            if (me != null) me.run.point(me, new Op(Op.GLOBAL, null, -1, site), null);
            t.interrupt();
            return;
        }
        me.run.point(me, new Op(Op.SYNC, lt, -1, site), null);
        lt.interrupted = true;
    }

    /** Replaces {@code Thread.isInterrupted()}. */
    public static boolean isInterrupted(Object thread, int site) {
        Thread t = (Thread) thread;
        LogicalThread me = Worker.current();
        LogicalThread lt = me == null ? null : me.run.byThread.get(t);
        if (lt == null) return t.isInterrupted();
        memory(me, lt, -1, site, false);
        return lt.interrupted;
    }

    /** Replaces {@code Thread.interrupted()}. */
    public static boolean interrupted(int site) {
        LogicalThread me = Worker.current();
        if (me == null) return Thread.interrupted();
        me.run.point(me, new Op(Op.SYNC, me, -1, site), null);
        boolean was = me.interrupted;
        me.interrupted = false;
        return was;
    }

    /** Replaces {@code Thread.isAlive()}. */
    public static boolean isAlive(Object thread, int site) {
        Thread t = (Thread) thread;
        LogicalThread me = Worker.current();
        LogicalThread lt = me == null ? null : me.run.byThread.get(t);
        if (lt == null) return t.isAlive();
        memory(me, t, -1, site, false);
        return !lt.finished;
    }

    static void interruptCheck(LogicalThread me) throws InterruptedException {
        if (me.interrupted) {
            me.interrupted = false;
            throw new InterruptedException();
        }
    }

    // ---- park / exit -----------------------------------------------------------------------------------------

    /** Replaces {@code LockSupport.park()}. */
    public static void park(int site) {
        parkOn(false, site);
    }

    /** Replaces {@code LockSupport.park(Object)}. */
    public static void park(Object blocker, int site) {
        parkOn(false, site);
    }

    /** Replaces {@code LockSupport.parkNanos(long)}. */
    public static void parkNanos(long nanos, int site) {
        parkOn(true, site);
    }

    /** Replaces {@code LockSupport.parkNanos(Object, long)}. */
    public static void parkNanos(Object blocker, long nanos, int site) {
        parkOn(true, site);
    }

    private static void parkOn(boolean timed, int site) {
        LogicalThread me = Worker.current();
        if (me == null) {
            LockSupport.parkNanos(1_000_000L);
            return;
        }
        me.run.point(me, new Op(Op.SYNC, me, -1, site),
                new Blocker(() -> me.permit || me.interrupted, "to be unparked%s", timed, null, null));
        me.permit = false;
        me.timedOut = false;
    }

    /** Replaces {@code LockSupport.unpark(Thread)}. */
    public static void unpark(Thread thread, int site) {
        LogicalThread me = Worker.current();
        LogicalThread lt = me == null || thread == null ? null : me.run.byThread.get(thread);
        if (lt == null) {
            if (me != null) me.run.point(me, new Op(Op.GLOBAL, null, -1, site), null);
            if (thread != null) LockSupport.unpark(thread);
            return;
        }
        me.run.point(me, new Op(Op.SYNC, lt, -1, site), null);
        lt.permit = true;
    }

    /** Replaces {@code System.exit(int)}: ends the schedule, not the explorer. */
    public static void exit(int status, int site) {
        LogicalThread me = Worker.current();
        if (me == null) throw new SecurityException("System.exit(" + status + ") is not allowed under the explorer");
        throw me.run.end(new Ending(Ending.Kind.EXIT, "System.exit(" + status + ")", "thread " + me.run.label(me)
                + " called System.exit(" + status + ") at " + Sites.get(site).where()
                + "; the explorer ended this schedule there and carries on"));
    }

    /** Replaces {@code Runtime.exit(int)} and {@code Runtime.halt(int)}. */
    public static void exit(Object runtime, int status, int site) {
        exit(status, site);
    }

    // ---- java.util.concurrent.locks ----------------------------------------------------------------------------

    /** Replaces {@code Lock.lock()}. */
    public static void lock(Object lock, int site) {
        LogicalThread me = Worker.current();
        if (me == null || !modelled(lock)) {
            if (me != null) me.run.point(me, new Op(Op.GLOBAL, null, -1, site), null);
            ((Lock) lock).lock();
            return;
        }
        lockOn(me, lock, false, false, site);
    }

    /** Replaces {@code Lock.lockInterruptibly()}. */
    public static void lockInterruptibly(Object lock, int site) throws InterruptedException {
        LogicalThread me = Worker.current();
        if (me == null || !modelled(lock)) {
            if (me != null) me.run.point(me, new Op(Op.GLOBAL, null, -1, site), null);
            ((Lock) lock).lockInterruptibly();
            return;
        }
        lockOn(me, lock, true, false, site);
    }

    /** Replaces {@code Lock.tryLock()}. */
    public static boolean tryLock(Object lock, int site) {
        LogicalThread me = Worker.current();
        if (me == null || !modelled(lock)) {
            if (me != null) me.run.point(me, new Op(Op.GLOBAL, null, -1, site), null);
            return ((Lock) lock).tryLock();
        }
        Run r = me.run;
        r.point(me, new Op(Op.SYNC, lock, -1, site), null);
        if (!canLock(r, lock, me)) return false;
        take(r, me, lock);
        return true;
    }

    /** Replaces {@code Lock.tryLock(long, TimeUnit)}. */
    public static boolean tryLock(Object lock, long time, TimeUnit unit, int site) throws InterruptedException {
        LogicalThread me = Worker.current();
        if (me == null || !modelled(lock)) {
            if (me != null) me.run.point(me, new Op(Op.GLOBAL, null, -1, site), null);
            return ((Lock) lock).tryLock(time, unit);
        }
        return lockOn(me, lock, true, true, site);
    }

    private static boolean lockOn(LogicalThread me, Object lock, boolean interruptible, boolean timed, int site) {
        Run r = me.run;
        r.point(me, new Op(Op.SYNC, lock, -1, site), new Blocker(
                () -> canLock(r, lock, me) || interruptible && me.interrupted, "to lock %s", timed, lock, null));
        if (interruptible && me.interrupted) {
            me.interrupted = false;
            throw sneaky(new InterruptedException());
        }
        if (me.timedOut) {
            me.timedOut = false;
            return false;
        }
        take(r, me, lock);
        return true;
    }

    /** Throws a checked exception from a method that does not declare it (the replaced call did). */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
        throw (T) t;
    }

    private static boolean modelled(Object lock) {
        return lock instanceof ReentrantLock || lock instanceof ReentrantReadWriteLock.ReadLock
                || lock instanceof ReentrantReadWriteLock.WriteLock;
    }

    private static boolean canLock(Run r, Object lock, LogicalThread me) {
        if (lock instanceof ReentrantReadWriteLock.ReadLock) {
            Object w = RW_PARTNERS.get(lock);
            Run.Owner wo = w == null ? null : r.owners.get(w);
            return wo == null || wo.thread == null || wo.thread == me;
        }
        Run.Owner o = r.owners.get(lock);
        if (o != null && o.thread != null && o.thread != me) return false;
        if (lock instanceof ReentrantReadWriteLock.WriteLock) {
            Object rl = RW_PARTNERS.get(lock);
            Run.Owner ro = rl == null ? null : r.owners.get(rl);
            if (ro != null && ro.reads != null) {
                for (int n : ro.reads) {
                    if (n > 0) return false; // readers hold it (a reader cannot upgrade)
                }
            }
        }
        return true;
    }

    private static void take(Run r, LogicalThread me, Object lock) {
        Run.Owner o = r.owners.computeIfAbsent(lock, k -> new Run.Owner());
        if (lock instanceof ReentrantReadWriteLock.ReadLock) {
            if (o.reads == null) o.reads = new int[64];
            o.reads[me.id]++;
        } else {
            o.thread = me;
            o.count++;
        }
        ((Lock) lock).lock(); // free in the model, so the real lock is free too: this does not block
    }

    /** Replaces {@code Lock.unlock()}. */
    public static void unlock(Object lock, int site) {
        LogicalThread me = Worker.current();
        if (me == null || !modelled(lock)) {
            if (me != null && !me.run.unwinding) me.run.point(me, new Op(Op.GLOBAL, null, -1, site), null);
            ((Lock) lock).unlock();
            return;
        }
        Run r = me.run;
        if (!r.unwinding) r.point(me, new Op(Op.SYNC, lock, -1, site), null);
        ((Lock) lock).unlock();
        Run.Owner o = r.owners.get(lock);
        if (o == null) return;
        if (lock instanceof ReentrantReadWriteLock.ReadLock) {
            if (o.reads != null && o.reads[me.id] > 0) o.reads[me.id]--;
        } else if (o.thread == me && --o.count == 0) {
            o.thread = null;
        }
    }

    /** Replaces {@code Lock.newCondition()}. */
    public static Condition newCondition(Object lock, int site) {
        Condition c = ((Lock) lock).newCondition();
        CONDITION_LOCKS.put(c, lock);
        return c;
    }

    /** Replaces {@code ReentrantReadWriteLock.readLock()}. */
    public static ReentrantReadWriteLock.ReadLock readLock(Object rw, int site) {
        pair((ReentrantReadWriteLock) rw);
        return ((ReentrantReadWriteLock) rw).readLock();
    }

    /** Replaces {@code ReentrantReadWriteLock.writeLock()}. */
    public static ReentrantReadWriteLock.WriteLock writeLock(Object rw, int site) {
        pair((ReentrantReadWriteLock) rw);
        return ((ReentrantReadWriteLock) rw).writeLock();
    }

    /** Replaces {@code ReadWriteLock.readLock()}. */
    public static Lock rwReadLock(Object rw, int site) {
        if (rw instanceof ReentrantReadWriteLock r) pair(r);
        return ((ReadWriteLock) rw).readLock();
    }

    /** Replaces {@code ReadWriteLock.writeLock()}. */
    public static Lock rwWriteLock(Object rw, int site) {
        if (rw instanceof ReentrantReadWriteLock r) pair(r);
        return ((ReadWriteLock) rw).writeLock();
    }

    /** The other half of a {@code ReentrantReadWriteLock}'s read/write pair, or null when not seen. */
    static Object rwPartner(Object lock) {
        return RW_PARTNERS.get(lock);
    }

    private static void pair(ReentrantReadWriteLock rw) {
        RW_PARTNERS.put(rw.readLock(), rw.writeLock());
        RW_PARTNERS.put(rw.writeLock(), rw.readLock());
    }

    /** Replaces {@code Condition.await()}. */
    public static void await(Object condition, int site) throws InterruptedException {
        awaitOn(condition, true, false, site);
    }

    /** Replaces {@code Condition.awaitUninterruptibly()}. */
    public static void awaitUninterruptibly(Object condition, int site) {
        awaitOn(condition, false, false, site);
    }

    /** Replaces {@code Condition.await(long, TimeUnit)}. */
    public static boolean await(Object condition, long time, TimeUnit unit, int site) throws InterruptedException {
        return awaitOn(condition, true, true, site);
    }

    /** Replaces {@code Condition.awaitNanos(long)}. */
    public static long awaitNanos(Object condition, long nanos, int site) throws InterruptedException {
        return awaitOn(condition, true, true, site) ? Math.max(1, nanos / 2) : 0;
    }

    private static boolean awaitOn(Object condition, boolean interruptible, boolean timed, int site) {
        LogicalThread me = Worker.current();
        Object lock = CONDITION_LOCKS.get(condition);
        if (me == null || lock == null || !modelled(lock)) {
            if (me != null) Hooks.unsupported(Sites.add(new Sites.Site("?", "?", -1, null,
                    "Condition.await on a condition the explorer did not see made (newCondition in instrumented code)",
                    -1, true)));
            try {
                if (timed) return ((Condition) condition).await(1, TimeUnit.MILLISECONDS);
                ((Condition) condition).await();
                return true;
            } catch (InterruptedException e) {
                throw sneaky(e);
            }
        }
        Run r = me.run;
        r.point(me, new Op(Op.SYNC, condition, -1, site), null);
        Run.Owner o = r.owners.get(lock);
        if (o == null || o.thread != me) throw new IllegalMonitorStateException("await without holding the lock");
        int holds = o.count;
        for (int i = 0; i < holds; i++) ((Lock) lock).unlock();
        o.count = 0;
        o.thread = null;
        ArrayDeque<LogicalThread> set = r.waitSets.computeIfAbsent(condition, k -> new ArrayDeque<>());
        me.notified = false;
        set.addLast(me);
        BooleanSupplier canLock = () -> canLock(r, lock, me);
        r.point(me, new Op(Op.SYNC, lock, -1, site), new Blocker(
                () -> (me.notified || interruptible && me.interrupted) && canLock.getAsBoolean(),
                "to be signalled on %s", timed, condition, canLock));
        set.remove(me);
        boolean signalled = me.notified;
        me.timedOut = false;
        o.thread = me;
        o.count = holds;
        for (int i = 0; i < holds; i++) ((Lock) lock).lock();
        if (interruptible && me.interrupted && !signalled) {
            me.interrupted = false;
            throw sneaky(new InterruptedException());
        }
        return signalled;
    }

    /** Replaces {@code Condition.signal()}. */
    public static void signal(Object condition, int site) {
        signalOn(condition, false, site);
    }

    /** Replaces {@code Condition.signalAll()}. */
    public static void signalAll(Object condition, int site) {
        signalOn(condition, true, site);
    }

    private static void signalOn(Object condition, boolean all, int site) {
        LogicalThread me = Worker.current();
        Object lock = CONDITION_LOCKS.get(condition);
        if (me == null || lock == null) {
            if (all) ((Condition) condition).signalAll(); else ((Condition) condition).signal();
            return;
        }
        Run r = me.run;
        r.point(me, new Op(Op.SYNC, condition, -1, site), null);
        Run.Owner o = r.owners.get(lock);
        if (o == null || o.thread != me) throw new IllegalMonitorStateException("signal without holding the lock");
        wake(r, condition, all);
    }

    // ---- CyclicBarrier -----------------------------------------------------------------------------------------

    /** A barrier's model: its action (kept from the real barrier), arrivals of this generation, the generation. */
    private static final class Barrier {
        Runnable action;
        int arrived;
        long generation;
    }

    private static final Map<Object, Barrier> BARRIERS = Collections.synchronizedMap(new WeakHashMap<>());

    private static Barrier barrier(Object b) {
        return BARRIERS.computeIfAbsent(b, k -> new Barrier());
    }

    /** Keeps a new barrier's action: the model runs it, so the real barrier is made without one. */
    public static void barrierAction(Object barrier, Runnable action) {
        barrier(barrier).action = action;
    }

    /** Replaces {@code CyclicBarrier.await()}: the last of the parties to arrive runs the action and releases all. */
    public static int barrierAwait(Object barrier, int site) throws InterruptedException {
        java.util.concurrent.CyclicBarrier b = (java.util.concurrent.CyclicBarrier) barrier;
        LogicalThread me = Worker.current();
        if (me == null) {
            try {
                return b.await();
            } catch (java.util.concurrent.BrokenBarrierException e) {
                throw new IllegalStateException(e);
            }
        }
        Run r = me.run;
        r.point(me, new Op(Op.SYNC, b, -1, site), null);
        Barrier st = barrier(b);
        st.arrived++;
        int index = b.getParties() - st.arrived;
        if (index <= 0) {
            st.arrived = 0;
            if (st.action != null) {
                st.action.run(); // before anyone is released, as the real barrier does
                r.point(me, new Op(Op.SYNC, b, -1, site), null); // the release: what the action did is published
            }
            st.generation++;
            return 0;
        }
        long generation = st.generation;
        r.point(me, new Op(Op.SYNC, b, -1, site), new Blocker(
                () -> st.generation != generation || me.interrupted, "for the other parties at %s", b));
        interruptCheck(me);
        return index;
    }

    /** Replaces {@code CyclicBarrier.await(long, TimeUnit)} (a timeout is not modelled: it waits as await()). */
    public static int barrierAwait(Object barrier, long time, TimeUnit unit, int site) throws InterruptedException {
        return barrierAwait(barrier, site);
    }

    // ---- StampedLock -------------------------------------------------------------------------------------------

    /** Replaces {@code StampedLock.writeLock()} (and its interruptible form). */
    public static long stampedWriteLock(Object lock, int site) {
        java.util.concurrent.locks.StampedLock sl = (java.util.concurrent.locks.StampedLock) lock;
        LogicalThread me = Worker.current();
        if (me != null) {
            me.run.point(me, new Op(Op.SYNC, sl, -1, site),
                    new Blocker(() -> !sl.isWriteLocked() && !sl.isReadLocked(), "to write-lock %s", sl));
        }
        return sl.writeLock();
    }

    /** Replaces {@code StampedLock.readLock()} (and its interruptible form). */
    public static long stampedReadLock(Object lock, int site) {
        java.util.concurrent.locks.StampedLock sl = (java.util.concurrent.locks.StampedLock) lock;
        LogicalThread me = Worker.current();
        if (me != null) {
            me.run.point(me, new Op(Op.SYNC, sl, -1, site),
                    new Blocker(() -> !sl.isWriteLocked(), "to read-lock %s", sl));
        }
        return sl.readLock();
    }

    /** Replaces {@code StampedLock.unlockWrite(long)}. */
    public static void stampedUnlockWrite(Object lock, long stamp, int site) {
        stampedStep(lock, site);
        ((java.util.concurrent.locks.StampedLock) lock).unlockWrite(stamp);
    }

    /** Replaces {@code StampedLock.unlockRead(long)}. */
    public static void stampedUnlockRead(Object lock, long stamp, int site) {
        stampedStep(lock, site);
        ((java.util.concurrent.locks.StampedLock) lock).unlockRead(stamp);
    }

    /** Replaces {@code StampedLock.unlock(long)}. */
    public static void stampedUnlock(Object lock, long stamp, int site) {
        stampedStep(lock, site);
        ((java.util.concurrent.locks.StampedLock) lock).unlock(stamp);
    }

    private static void stampedStep(Object lock, int site) {
        LogicalThread me = Worker.current();
        if (me != null && !me.run.unwinding) me.run.point(me, new Op(Op.SYNC, lock, -1, site), null);
    }

    // ---- executors and futures -----------------------------------------------------------------------------------

    /** Replaces {@code Executors.newFixedThreadPool(int)}. */
    public static java.util.concurrent.ExecutorService newFixedThreadPool(int threads, int site) {
        return new ModelExecutor(threads);
    }

    /** Replaces {@code Executors.newSingleThreadExecutor()}. */
    public static java.util.concurrent.ExecutorService newSingleThreadExecutor(int site) {
        return new ModelExecutor(1);
    }

    /** Replaces {@code Executors.newCachedThreadPool()}, {@code newVirtualThreadPerTaskExecutor()} and kin. */
    public static java.util.concurrent.ExecutorService newUnboundedPool(int site) {
        return new ModelExecutor(Integer.MAX_VALUE);
    }

    /** Waits (as a step) until a future is done. */
    static void awaitDone(java.util.concurrent.Future<?> f, int site) {
        LogicalThread me = Worker.current();
        if (me == null) return;
        Run r = me.run;
        // a task of the explorer's executor counts as done at its completion step (on the same object), not
        // when its code returns: the wait then depends on the step that ends it, as the reduction needs
        r.point(me, new Op(Op.SYNC, f, -1, site),
                new Blocker(() -> f.isDone() && r.models.get(f) != ModelExecutor.PENDING, "for %s to complete", f));
    }

    /** Replaces {@code Future.get()}. */
    public static Object futureGet(Object future, int site) throws Exception {
        java.util.concurrent.Future<?> f = (java.util.concurrent.Future<?>) future;
        awaitDone(f, site);
        return f.get();
    }

    /** Replaces {@code Future.get(long, TimeUnit)}. */
    public static Object futureGet(Object future, long time, TimeUnit unit, int site) throws Exception {
        java.util.concurrent.Future<?> f = (java.util.concurrent.Future<?>) future;
        LogicalThread me = Worker.current();
        if (me == null) return f.get(time, unit);
        Run r = me.run;
        r.point(me, new Op(Op.SYNC, f, -1, site), new Blocker(
                () -> f.isDone() && r.models.get(f) != ModelExecutor.PENDING, "for %s to complete", true, f, null));
        me.timedOut = false;
        if (!f.isDone()) throw new java.util.concurrent.TimeoutException();
        return f.get();
    }

    // ---- semaphores, latches, queues -------------------------------------------------------------------------

    /** Replaces {@code Semaphore.acquire()}. */
    public static void acquire(Object semaphore, int site) throws InterruptedException {
        acquireOn((Semaphore) semaphore, 1, true, site);
    }

    /** Replaces {@code Semaphore.acquire(int)}. */
    public static void acquire(Object semaphore, int permits, int site) throws InterruptedException {
        acquireOn((Semaphore) semaphore, permits, true, site);
    }

    /** Replaces {@code Semaphore.acquireUninterruptibly()}. */
    public static void acquireUninterruptibly(Object semaphore, int site) {
        acquireOn((Semaphore) semaphore, 1, false, site);
    }

    private static void acquireOn(Semaphore s, int permits, boolean interruptible, int site) {
        LogicalThread me = Worker.current();
        if (me == null) {
            s.acquireUninterruptibly(permits);
            return;
        }
        me.run.point(me, new Op(Op.SYNC, s, -1, site), new Blocker(
                () -> s.availablePermits() >= permits || interruptible && me.interrupted, "for a permit of %s", s));
        if (interruptible && me.interrupted) {
            me.interrupted = false;
            throw sneaky(new InterruptedException());
        }
        s.acquireUninterruptibly(permits);
    }

    /** Replaces {@code Semaphore.tryAcquire()}. */
    public static boolean tryAcquire(Object semaphore, int site) {
        return tryAcquire(semaphore, 1, site);
    }

    /** Replaces {@code Semaphore.tryAcquire(int)}. */
    public static boolean tryAcquire(Object semaphore, int permits, int site) {
        Semaphore s = (Semaphore) semaphore;
        LogicalThread me = Worker.current();
        if (me != null) me.run.point(me, new Op(Op.SYNC, s, -1, site), null);
        return s.tryAcquire(permits);
    }

    /** Replaces {@code Semaphore.tryAcquire(long, TimeUnit)}. */
    public static boolean tryAcquire(Object semaphore, long time, TimeUnit unit, int site) throws InterruptedException {
        Semaphore s = (Semaphore) semaphore;
        LogicalThread me = Worker.current();
        if (me == null) return s.tryAcquire(time, unit);
        me.run.point(me, new Op(Op.SYNC, s, -1, site), new Blocker(
                () -> s.availablePermits() >= 1, "for a permit of %s", true, s, null));
        me.timedOut = false;
        return s.tryAcquire();
    }

    /** Replaces {@code Semaphore.release()}. */
    public static void release(Object semaphore, int site) {
        release(semaphore, 1, site);
    }

    /** Replaces {@code Semaphore.release(int)}. */
    public static void release(Object semaphore, int permits, int site) {
        Semaphore s = (Semaphore) semaphore;
        LogicalThread me = Worker.current();
        if (me != null && !me.run.unwinding) me.run.point(me, new Op(Op.SYNC, s, -1, site), null);
        s.release(permits);
    }

    /** Replaces {@code CountDownLatch.await()}. */
    public static void latchAwait(Object latch, int site) throws InterruptedException {
        CountDownLatch l = (CountDownLatch) latch;
        LogicalThread me = Worker.current();
        if (me == null) {
            l.await();
            return;
        }
        me.run.point(me, new Op(Op.SYNC, l, -1, site),
                new Blocker(() -> l.getCount() == 0 || me.interrupted, "for %s to count down to zero", l));
        interruptCheck(me);
    }

    /** Replaces {@code CountDownLatch.await(long, TimeUnit)}. */
    public static boolean latchAwait(Object latch, long time, TimeUnit unit, int site) throws InterruptedException {
        CountDownLatch l = (CountDownLatch) latch;
        LogicalThread me = Worker.current();
        if (me == null) return l.await(time, unit);
        me.run.point(me, new Op(Op.SYNC, l, -1, site), new Blocker(() -> l.getCount() == 0 || me.interrupted,
                "for %s to count down to zero", true, l, null));
        me.timedOut = false;
        interruptCheck(me);
        return l.getCount() == 0;
    }

    /** Replaces {@code CountDownLatch.countDown()}. */
    public static void countDown(Object latch, int site) {
        CountDownLatch l = (CountDownLatch) latch;
        LogicalThread me = Worker.current();
        if (me != null) me.run.point(me, new Op(Op.SYNC, l, -1, site), null);
        l.countDown();
    }

    /** Replaces {@code BlockingQueue.put(Object)}. */
    @SuppressWarnings("unchecked")
    public static void put(Object queue, Object element, int site) throws InterruptedException {
        BlockingQueue<Object> q = (BlockingQueue<Object>) queue;
        LogicalThread me = Worker.current();
        if (me == null) {
            q.put(element);
            return;
        }
        me.run.point(me, new Op(Op.SYNC, q, -1, site),
                new Blocker(() -> q.remainingCapacity() > 0 || me.interrupted, "for room in %s", q));
        interruptCheck(me);
        q.put(element);
    }

    /** Replaces {@code BlockingQueue.take()}. */
    public static Object take(Object queue, int site) throws InterruptedException {
        BlockingQueue<?> q = (BlockingQueue<?>) queue;
        LogicalThread me = Worker.current();
        if (me == null) return q.take();
        me.run.point(me, new Op(Op.SYNC, q, -1, site),
                new Blocker(() -> !q.isEmpty() || me.interrupted, "for an element of %s", q));
        interruptCheck(me);
        return q.take();
    }
}
