package racecourse.explore.sched;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * One schedule of the program under test: its controlled threads, the models of the locks they use, and the
 * hand-offs that let exactly one of them run at a time, each step picked by a {@link Chooser}. The thread that
 * calls {@link #execute} (the controller) waits until the schedule ends, watching for a thread that blocks in an
 * unmodelled way or runs too long without a step. Not thread-safe in general: its state is touched only by the one
 * thread holding the turn; the few fields the controller watches are volatile.
 */
public final class Run {
    /**
     * Limits of one schedule.
     *
     * @param maxSteps      steps before "livelock or endless loop"
     * @param threadCap     most threads the program may start (at most 63: the id 63 is the end of the program)
     * @param stallMillis   how long a thread may run without a step before the explorer gives up on it
     * @param blockedMillis how long a thread may stay blocked outside the explorer's models
     * @param trace         whether to record a description of every step
     * @param races         whether to check each step for data races (happens-before, vector clocks)
     */
    public record Config(int maxSteps, int threadCap, long stallMillis, long blockedMillis, boolean trace,
                         boolean races) {
        /** Checks the limits. */
        public Config {
            if (maxSteps < 1) throw new IllegalArgumentException("max steps must be at least 1");
            if (threadCap < 1 || threadCap > 63) throw new IllegalArgumentException("the thread cap must be 1..63");
        }

        /** This configuration with tracing on or off. */
        public Config tracing(boolean on) {
            return new Config(maxSteps, threadCap, stallMillis, blockedMillis, on, races);
        }
    }

    /**
     * A thread the program starts with.
     *
     * @param name the thread's name, or null for its letter
     * @param body what it runs
     */
    public record Start(String name, Runnable body) {
    }

    static final ScheduleAborted ABORT = new ScheduleAborted();

    /**
     * The id a chooser sees for the end of the program: once every non-daemon thread has finished, the end competes
     * with the pending steps of daemon threads, as the JVM may exit before, between or after any of them.
     */
    public static final int END = 63;

    final Config config;
    private final Chooser chooser;
    private final WorkerPool pool;
    final ArrayList<LogicalThread> threads = new ArrayList<>();
    final IdentityHashMap<Thread, LogicalThread> byThread = new IdentityHashMap<>(4);
    /** Monitors and modelled locks: the owner and hold count of each. */
    final IdentityHashMap<Object, Owner> owners = new IdentityHashMap<>(4);
    /** Threads waiting in {@code wait} or {@code Condition.await}, by monitor or condition, in arrival order. */
    final IdentityHashMap<Object, ArrayDeque<LogicalThread>> waitSets = new IdentityHashMap<>(4);
    /** The lock of each condition made by {@code newCondition}. */
    final IdentityHashMap<Object, Object> conditionLocks = new IdentityHashMap<>(4);
    /** Read and write locks of a ReentrantReadWriteLock, paired: each maps to the other. */
    final IdentityHashMap<Object, Object> rwPartner = new IdentityHashMap<>(4);
    /** Per-schedule state of the models in {@link Synchronizers}, by the object modelled. */
    final IdentityHashMap<Object, Object> models = new IdentityHashMap<>(4);
    /** Async stages whose work is done but whose completion step is still to come; joins of futures wait. */
    int unpublished;
    private final IdentityHashMap<Object, Integer> names = new IdentityHashMap<>(4);
    private final Baton controller = new Baton(Thread.currentThread());
    /** Whether this schedule runs its threads as continuations on one carrier worker. */
    private final boolean carried = Continuations.AVAILABLE;
    private Worker carrier;
    private final List<String> trace;
    final RaceCheck races;
    private int[] choices = new int[64];
    private Op[] stoppedAt; // each thread's pending step when the schedule stopped early
    private boolean endedProgram; // the last step was the end of the program (daemon threads cut off)
    private volatile int length;
    private volatile LogicalThread running;
    private volatile boolean finishedAll;
    volatile boolean unwinding;
    private volatile boolean abandoned;
    private Ending ending;
    private int preemptions;
    private int lastChosen = -1;
    long writes;
    private Throwable firstFailure;
    private LogicalThread failedThread;

    /** Who holds a monitor or modelled lock, and how many times. */
    static final class Owner {
        LogicalThread thread;
        int count;
        /** Read holds of a read lock, by thread id. */
        int[] reads;
    }

    /** A schedule that asks {@code chooser} at each step, using {@code pool}'s threads. */
    public Run(Config config, Chooser chooser, WorkerPool pool) {
        this.config = config;
        this.chooser = chooser;
        this.pool = pool;
        this.trace = config.trace() ? new ArrayList<>() : null;
        this.races = config.races() ? new RaceCheck() : null;
    }

    /** Runs the program's starting threads to the end of one schedule and says how it ended. */
    public Ending execute(List<Start> starts) {
        for (Start s : starts) {
            Thread t = s.name() == null ? null : new Thread((Runnable) null, s.name());
            LogicalThread lt = new LogicalThread(this, threads.size(), s.body(), t);
            threads.add(lt);
            if (t != null) byThread.put(t, lt);
        }
        LogicalThread first = decide(null);
        if (first == null) {
            return ending;
        }
        if (carried) {
            carrier = pool.take();
            carrier.task = first;
        }
        handTo(first);
        if (carried) carrier.baton.pass();
        waitForEnd();
        if (ending != null) return ending;
        if (firstFailure != null) return failure(failedThread, firstFailure);
        return new Ending(Ending.Kind.COMPLETED, "", "");
    }

    /**
     * Whether schedules in this JVM run their threads as continuations on one carrier thread (fast switches), rather
     * than handing off between worker threads; see {@code docs/explore.md}.
     */
    public static boolean continuations() {
        return Continuations.AVAILABLE;
    }

    /** Whether the schedule had to leave a thread behind (it blocked or looped outside the explorer's reach). */
    public boolean abandoned() {
        return abandoned;
    }

    /** The schedule as thread letters, one per step, separated by spaces. */
    public String schedule() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (i > 0) out.append(' ');
            out.append(LogicalThread.letter(choices[i]));
        }
        return out.toString();
    }

    /** The thread ids of the steps taken. */
    public int[] choices() {
        return Arrays.copyOf(choices, length);
    }

    /** The number of steps taken. */
    public int length() {
        return length;
    }

    /** How many times a thread that could have gone on was switched away from. */
    public int preemptions() {
        return preemptions;
    }

    /** The description of each step, when tracing. */
    public List<String> trace() {
        return trace == null ? List.of() : List.copyOf(trace);
    }

    /** The number of threads so far. */
    public int threadCount() {
        return threads.size();
    }

    /** The step thread {@code id} waits to take, or null. */
    public Op pending(int id) {
        return id == END ? Op.END_OP : threads.get(id).pending;
    }

    /** The thread's letter and, when it has one, its name. */
    String label(LogicalThread t) {
        return t.thread == null || t.thread.getName().equals(t.letter) ? t.letter : t.letter + " (" + t.thread.getName() + ")";
    }

    // ---- hand-offs -------------------------------------------------------------------------------------------

    private void handTo(LogicalThread t) {
        running = t;
        if (carried) {
            t.worker = carrier; // the carrier's loop resumes t
            return;
        }
        if (t.worker == null) {
            t.worker = pool.take();
            t.worker.task = t;
        }
        t.worker.baton.pass();
    }

    /** What a worker runs when handed {@code t}: the whole schedule as continuations, or t's body. */
    void enter(LogicalThread t, Worker w) {
        if (carried) {
            carry(w);
        } else {
            body(t);
        }
    }

    /**
     * The carrier's loop: resumes the continuation of the thread whose turn it is until no thread is left to run,
     * then gives the turn back to the controller.
     */
    private void carry(Worker w) {
        while (!abandoned) {
            LogicalThread t = running;
            if (t == null) break;
            w.task = t;
            if (t.continuation == null) t.continuation = Continuations.create(() -> body(t));
            Continuations.run(t.continuation);
        }
        if (abandoned) return; // the controller has gone on without this worker
        finishedAll = true;
        pool.release(w);
        controller.pass();
    }

    /** Runs a thread's body on its worker (worker side), then passes the turn on. */
    void body(LogicalThread t) {
        Throwable failure = null;
        if (!unwinding) {
            t.pending = null;
            try {
                t.body.run();
            } catch (Throwable e) {
                failure = e;
            }
        }
        finish(t, failure);
    }

    private void finish(LogicalThread t, Throwable failure) {
        t.finished = true;
        if (races != null) races.end(t);
        t.pending = null;
        t.blocker = null;
        if (failure != null && !(failure instanceof ScheduleAborted) && firstFailure == null && ending == null) {
            firstFailure = failure;
            failedThread = t;
        }
        if (!carried) pool.release(t.worker);
        if (abandoned) return;
        LogicalThread next = null;
        if (!unwinding) {
            next = decide(null);
            if (next == null) unwinding = true;
        }
        if (unwinding) next = nextToUnwind();
        if (next == null) {
            if (carried) {
                running = null; // the carrier's loop ends the schedule
            } else {
                finishedAll = true;
                controller.pass();
            }
        } else {
            handTo(next);
        }
    }

    private LogicalThread nextToUnwind() {
        for (LogicalThread o : threads) {
            if (o.finished) continue;
            if (o.worker == null) {
                o.finished = true;
                continue;
            }
            return o;
        }
        return null;
    }

    /**
     * A scheduling point (worker side): {@code me} is about to take step {@code op}, which may wait for
     * {@code blocker}. Returns when the scheduler lets {@code me} take it.
     */
    void point(LogicalThread me, Op op, Blocker blocker) {
        if (me.initialising > 0) { // a static initialiser runs whole, inside the step that first used its class
            if (blocker != null && !blocker.ready().getAsBoolean()) {
                throw end(new Ending(Ending.Kind.UNSUPPORTED, "unsupported: a static initialiser that waits",
                        "thread " + label(me) + " would wait inside a static initialiser, at " + describe(op)
                                + "; the explorer runs each static initialiser as part of one step"));
            }
            return;
        }
        if (unwinding) throw ABORT;
        me.pending = op;
        me.blocker = blocker;
        LogicalThread next = decide(me);
        if (next == null) {
            unwinding = true;
            throw ABORT;
        }
        if (next != me) {
            handTo(next);
            if (carried) {
                suspend(me);
            } else {
                me.worker.baton.await();
            }
            if (unwinding) throw ABORT;
        }
        me.pending = null;
        me.blocker = null;
        if (op.writes()) writes++;
        if (races != null) races.step(me, op);
    }

    private void suspend(LogicalThread me) {
        try {
            Continuations.yieldNow();
        } catch (IllegalStateException pinned) {
            running = me;
            throw end(new Ending(Ending.Kind.UNSUPPORTED, "unsupported: a switch inside a native or locked frame",
                    "thread " + label(me) + " reached a step where it cannot be switched out (" + pinned.getMessage()
                            + "), at " + describe(me.pending) + "; exploration stops here"));
        }
    }

    /** The data races this schedule showed (empty when not checked). */
    public java.util.Set<String> races() {
        return races == null ? java.util.Set.of() : races.races();
    }

    /** Ends the schedule from inside a thread (System.exit, thread cap) and unwinds it. */
    ScheduleAborted end(Ending e) {
        if (ending == null) ending = e;
        unwinding = true;
        return ABORT;
    }

    // ---- decisions -------------------------------------------------------------------------------------------

    private LogicalThread decide(LogicalThread me) {
        LogicalThread next = choose(me);
        if (next == null) stopHere();
        return next;
    }

    private void endProgram() {
        stopHere();
        endedProgram = true;
    }

    private void stopHere() {
        if (stoppedAt != null) return;
        stoppedAt = new Op[threads.size()];
        for (LogicalThread t : threads) stoppedAt[t.id] = t.finished ? null : t.pending;
    }

    /**
     * Whether the schedule ended at the end of the program (every non-daemon thread finished) rather than at a
     * deadlock, a failure to stop at or a dropped schedule; daemon threads still pending were cut off there.
     */
    public boolean endedProgram() {
        return endedProgram;
    }

    /** Whether thread {@code id} is a daemon thread (the program does not wait for it to end). */
    public boolean daemon(int id) {
        return threads.get(id).daemon;
    }

    /**
     * The step thread {@code id} was waiting to take when the schedule stopped before its end (a deadlock, the
     * step limit, a chooser that dropped it, or the end of the program while it was a daemon), or null.
     */
    public Op pendingAtStop(int id) {
        return stoppedAt == null || id >= stoppedAt.length ? null : stoppedAt[id];
    }

    private LogicalThread choose(LogicalThread me) {
        long enabled = 0;
        long spinning = 0;
        LogicalThread timed = null;
        for (int i = threads.size() - 1; i >= 0; i--) {
            // A new thread runs to its first step at once, unseen. The newest goes first, so the first thread is
            // the one still running when the first real choice comes (usually one hand-off fewer).
            LogicalThread t = threads.get(i);
            if (!t.finished && t.pending != null && t.pending.kind() == Op.BEGIN) return t;
        }
        boolean live = false; // a non-daemon thread has not finished: the program cannot end yet
        for (LogicalThread t : threads) {
            live |= !t.finished && !t.daemon;
            if (t.finished || t.pending == null) continue;
            Blocker b = t.blocker;
            if (b == null || b.ready().getAsBoolean()) {
                enabled |= 1L << t.id;
                if (t.spinning) spinning |= 1L << t.id;
            } else if (b.timed() && timed == null && (b.afterTimeout() == null || b.afterTimeout().getAsBoolean())) {
                timed = t;
            }
        }
        if (!live) {
            // Only daemon threads are left. When none can take a step, or the step limit is reached, the program
            // ends now (the JVM exits in the end, whatever its daemons do); otherwise ending is one more choice.
            if (enabled == 0 || length >= config.maxSteps()) {
                endProgram();
                return null;
            }
            enabled |= 1L << END;
        }
        if (enabled == 0) {
            if (timed == null) {
                ending = deadlock();
                return null;
            }
            timed.timedOut = true; // nothing else can happen: its timeout passes
            enabled = 1L << timed.id;
        }
        if (length >= config.maxSteps()) {
            ending = stepLimit();
            return null;
        }
        long fair = enabled & ~spinning;
        if (fair == 0) fair = enabled;
        int current = lastChosen;
        int choice = chooser.choose(this, length, current, fair);
        if (choice < 0) {
            if (ending == null) ending = new Ending(Ending.Kind.DROPPED, "dropped", "");
            return null;
        }
        if (choice < 0 || choice >= 64 || (fair & (1L << choice)) == 0) {
            if (ending == null) ending = replayError(choice, fair);
            return null;
        }
        if (length == choices.length) choices = Arrays.copyOf(choices, length * 2);
        choices[length] = choice;
        if (choice == END) { // the end of the program is a step, not a switch away from a thread
            if (trace != null) trace.add("end: the program ends, daemon threads cut off");
            length = length + 1;
            endProgram();
            return null;
        }
        if (current >= 0 && choice != current && (fair & (1L << current)) != 0) preemptions++;
        lastChosen = choice;
        LogicalThread next = threads.get(choice);
        next.steps++;
        if (next.pending.writes()) { // the state may have changed: spinning threads get another look
            for (LogicalThread t : threads) t.spinning = false;
        }
        if (trace != null) trace.add(next.letter + ": " + describe(next.pending));
        length = length + 1;
        return next;
    }

    /** Records a replay failure found by a chooser that follows a given schedule. */
    public void replayFailed(String message) {
        if (ending == null) ending = new Ending(Ending.Kind.REPLAY_ERROR, "schedule cannot be followed", message);
    }

    private Ending replayError(int choice, long enabled) {
        StringBuilder can = new StringBuilder();
        for (LogicalThread t : threads) {
            if ((enabled & (1L << t.id)) != 0) can.append(can.isEmpty() ? "" : " ").append(t.letter);
        }
        if ((enabled & (1L << END)) != 0) can.append(can.isEmpty() ? "" : " ").append(LogicalThread.letter(END));
        String who = choice >= 0 && choice < threads.size() ? threads.get(choice).letter : LogicalThread.letter(choice);
        return new Ending(Ending.Kind.REPLAY_ERROR, "schedule cannot be followed",
                "step " + (length + 1) + ": thread " + who + " cannot run here; threads that can: " + can);
    }

    // ---- reports ---------------------------------------------------------------------------------------------

    /** A short stable name for an object: its class's simple name and a number in order of first mention. */
    String nameOf(Object o) {
        if (o == null) return "null";
        if (o instanceof Thread t) {
            LogicalThread lt = byThread.get(t);
            return lt != null ? "thread " + lt.letter : "thread " + LogicalThread.letter(threads.size());
        }
        if (o instanceof Class<?> c) return c.getSimpleName() + ".class";
        Integer n = names.get(o);
        if (n == null) {
            n = names.size() + 1;
            names.put(o, n);
        }
        String simple = o.getClass().getSimpleName();
        if (simple.isEmpty()) simple = o.getClass().getName().replaceAll(".*[.$]", "");
        return simple + "#" + n;
    }

    /** Describes a step for a trace or a report. */
    String describe(Op op) {
        if (op == null) return "running";
        Sites.Site s = Sites.get(op.site());
        String what = s.what();
        String on = switch (op.kind()) {
            case Op.READ, Op.WRITE -> op.target() == null ? "" : op.key() >= 0 && op.target().getClass().isArray()
                    ? " " + nameOf(op.target()) + "[" + op.key() + "]" : " of " + nameOf(op.target());
            case Op.SYNC -> op.target() == null ? "" : " " + nameOf(op.target());
            default -> "";
        };
        return what + on + " at " + s.where();
    }

    private Ending deadlock() {
        StringBuilder detail = new StringBuilder();
        for (LogicalThread t : threads) {
            if (t.finished) continue;
            detail.append("thread ").append(label(t)).append(": ");
            Object wanted = t.blocker == null ? null : t.blocker.waitingFor();
            detail.append(t.blocker == null ? "runnable" : "waiting " + t.blocker.what().formatted(nameOf(wanted)));
            if (wanted != null) {
                Owner o = owners.get(wanted);
                if (o != null && o.thread != null && o.thread != t) detail.append(" (held by ").append(o.thread.letter).append(')');
            }
            List<String> held = new ArrayList<>();
            owners.forEach((lock, o) -> {
                if (o.thread == t && o.count > 0) held.add(nameOf(lock));
            });
            detail.append("; holds ").append(held.isEmpty() ? "nothing" : String.join(", ", held));
            if (t.pending != null) detail.append("; at ").append(Sites.get(t.pending.site()).where());
            detail.append('\n');
        }
        return new Ending(Ending.Kind.DEADLOCK, "deadlock", "all threads are blocked: no thread can take a step\n"
                + detail.toString().stripTrailing());
    }

    private Ending stepLimit() {
        LogicalThread busiest = null;
        for (LogicalThread t : threads) {
            if (!t.finished && (busiest == null || t.steps > busiest.steps)) busiest = t;
        }
        String where = busiest == null || busiest.pending == null ? "" : ", at " + describe(busiest.pending);
        return new Ending(Ending.Kind.STEP_LIMIT, "livelock or endless loop",
                "the schedule reached the step limit of " + config.maxSteps() + " steps; thread "
                        + (busiest == null ? "?" : label(busiest) + " took " + busiest.steps + " of them") + where);
    }

    private Ending failure(LogicalThread t, Throwable e) {
        String where = "";
        for (StackTraceElement f : e.getStackTrace()) {
            if (!Frames.internal(f.getClassName())) {
                where = " (at " + f.getFileName() + ":" + f.getLineNumber() + ")";
                break;
            }
        }
        String what = e.getClass().getName().replaceFirst("^java\\.lang\\.", "")
                + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return new Ending(Ending.Kind.FAILURE, what + where, "thread " + label(t) + " threw " + Frames.stack(e));
    }

    // ---- the controller's watch ------------------------------------------------------------------------------

    private void waitForEnd() {
        int lastLength = -1;
        long lastChange = System.nanoTime();
        long blockedSince = 0;
        while (!controller.await(20_000_000L)) {
            long now = System.nanoTime();
            int len = length;
            if (len != lastLength) {
                lastLength = len;
                lastChange = now;
                blockedSince = 0;
                continue;
            }
            LogicalThread r = running;
            if (r == null || r.worker == null || r.worker.baton.waiting() || finishedAll) continue;
            Worker w = r.worker;
            Thread.State state = w.getState();
            if (state == Thread.State.BLOCKED || state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) {
                if (blockedSince == 0) {
                    blockedSince = now;
                } else if (now - blockedSince > config.blockedMillis() * 1_000_000L) {
                    abandon(r, w, true);
                    return;
                }
            } else {
                blockedSince = 0;
                if (now - lastChange > config.stallMillis() * 1_000_000L) {
                    abandon(r, w, false);
                    return;
                }
            }
        }
    }

    private void abandon(LogicalThread r, Worker w, boolean blocked) {
        StackTraceElement[] stack = w.getStackTrace();
        String call = stack.length == 0 ? "?" : stack[0].getClassName() + "." + stack[0].getMethodName();
        String site = "";
        for (StackTraceElement f : stack) {
            if (!Frames.internal(f.getClassName())) {
                site = f.getFileName() + ":" + f.getLineNumber();
                if (blocked) {
                    break;
                }
                call = f.getClassName() + "." + f.getMethodName();
                break;
            }
        }
        if (blocked) {
            for (StackTraceElement f : stack) {
                if (f.getClassName().startsWith("java.") || f.getClassName().startsWith("jdk.")) {
                    call = f.getClassName() + "." + f.getMethodName();
                } else {
                    break;
                }
            }
        }
        ending = blocked
                ? new Ending(Ending.Kind.UNSUPPORTED, "unsupported: " + call,
                        "thread " + label(r) + " blocked in " + call + (site.isEmpty() ? "" : ", called at " + site)
                                + ", which the explorer does not model; exploration stops here")
                : new Ending(Ending.Kind.UNSUPPORTED, "unsupported: endless loop without a step",
                        "thread " + label(r) + " ran for " + config.stallMillis() + " ms without a scheduling point, in "
                                + call + (site.isEmpty() ? "" : " at " + site) + "; exploration stops here");
        abandoned = true;
        unwinding = true;
        w.interrupt();
        if (carried) return; // the other threads are suspended continuations: they are dropped
        for (LogicalThread t : threads) {
            if (t != r && !t.finished && t.worker != null) t.worker.baton.pass();
        }
    }
}
