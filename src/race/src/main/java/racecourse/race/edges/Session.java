package racecourse.race.edges;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import racecourse.race.clock.Epochs;
import racecourse.race.clock.VectorClock;
import racecourse.race.report.RaceLog;
import racecourse.race.report.ThreadInfo;
import racecourse.race.shadow.Shadow;
import racecourse.race.shadow.WeakIdentityMap;

/**
 * The detector state of one tracking period: shadow memory, synchronization clocks, threads, races.
 * A new session starts from nothing, so that {@code Race.check} calls do not see each other's history.
 * Thread-safe: its maps are thread-safe and the thread list is guarded by {@code infos}.
 */
public final class Session {
    final WeakIdentityMap<Shadow> shadows = new WeakIdentityMap<>();
    final WeakIdentityMap<SyncVar> syncs = new WeakIdentityMap<>();
    final WeakIdentityMap<ThreadState> threads = new WeakIdentityMap<>();
    final WeakIdentityMap<StartInfo> pending = new WeakIdentityMap<>();
    /** The publisher each {@code Flow.Subscriber} subscribed to (its clock), keyed by the subscriber. */
    final WeakIdentityMap<SyncVar> publishers = new WeakIdentityMap<>();
    /** Per pool thread: what the logical tasks it ran did (see {@code Hooks.taskEnd}), keyed by the thread. */
    final WeakIdentityMap<SyncVar> confinement = new WeakIdentityMap<>();
    final SyncVar cells = new SyncVar();
    /** Callbacks handed to the JDK that are not tasks (a barrier's action) and the barriers that run them. */
    final SyncVar callbacks = new SyncVar();
    /** What callers of fork/join and parallel streams did before handing work over; workers acquire it. */
    final SyncVar forkJoinSubmit = new SyncVar();
    /** What fork/join workers did in tasks and stream functions; joins and streams' returns acquire it. */
    final SyncVar forkJoinDone = new SyncVar();
    /**
     * How many threads of a session have their stacks recorded (where they were created, and the stack of
     * their first access at each site). Later threads are reported with the accessing line only: this bounds
     * the memory of programs that start many thousands of threads.
     */
    static final int STACK_THREADS = 2048;
    private int infoCount; // guarded by infos
    /** How many pool tasks get a logical thread of their own (see {@code Hooks.taskBegin}). */
    static final int MAX_LOGICAL_TASKS = 256;
    final AtomicInteger logicalTasks = new AtomicInteger();
    private final AtomicInteger nextTid = new AtomicInteger();
    private final List<List<ThreadInfo>> infos = new ArrayList<>(); // guarded by infos; per tid, oldest first
    private final java.util.ArrayDeque<long[]> retired = new java.util.ArrayDeque<>(); // guarded by infos
    private final List<WeakReference<Thread>> seen = new ArrayList<>(); // guarded by infos
    final RaceLog log;

    /** Creates a session that reports to {@code log}. */
    public Session(RaceLog log) {
        this.log = log;
    }

    /** Returns the race log. */
    public RaceLog log() {
        return log;
    }

    SyncVar sync(Object key) {
        if (key instanceof ShadowHolder h) {
            Shadow sh = Hooks.held(this, h);
            Object v = sh.sync;
            if (v == null) {
                synchronized (sh) {
                    v = sh.sync;
                    if (v == null) {
                        v = new SyncVar();
                        sh.sync = v;
                    }
                }
            }
            return (SyncVar) v;
        }
        SyncVar v = syncs.get(key);
        return v != null ? v : syncs.computeIfAbsent(key, k -> new SyncVar());
    }

    /**
     * Returns the info of a new thread whose clock starts as {@code clock}. The id of a finished thread is
     * reused when {@code clock} already covers that thread's last time: everything the old thread did is
     * ordered before the new one, so sharing the id loses nothing. This keeps clocks small in programs that
     * start and join many threads.
     */
    ThreadInfo newThread(VectorClock clock) {
        synchronized (infos) {
            int checked = 0;
            for (java.util.Iterator<long[]> it = retired.descendingIterator(); it.hasNext() && checked < 16;
                 checked++) {
                long[] r = it.next();
                int tid = (int) r[0];
                int last = (int) r[1];
                if (clock != null && clock.get(tid) >= last) {
                    it.remove();
                    ThreadInfo info = new ThreadInfo(tid, last + 1, ++infoCount <= STACK_THREADS);
                    infos.get(tid).add(info);
                    return info;
                }
            }
            int tid = nextTid.getAndIncrement();
            if (tid > Epochs.MAX_TID) {
                throw new IllegalStateException("race detector: too many threads");
            }
            ThreadInfo info = new ThreadInfo(tid, 1, ++infoCount <= STACK_THREADS);
            List<ThreadInfo> l = new ArrayList<>(1);
            l.add(info);
            infos.add(l);
            return info;
        }
    }

    /** Offers the id of a finished thread, whose last time was {@code last}, for reuse. */
    void retire(int tid, int last) {
        synchronized (infos) {
            retired.addLast(new long[] {tid, last});
        }
    }

    void noteThread(Thread t) {
        synchronized (infos) {
            seen.add(new WeakReference<>(t));
        }
    }

    /** Returns the info of the thread that had id {@code tid} at its time {@code time}. */
    ThreadInfo info(int tid, int time) {
        synchronized (infos) {
            if (tid >= infos.size()) {
                return null;
            }
            List<ThreadInfo> l = infos.get(tid);
            for (int i = l.size() - 1; i >= 0; i--) {
                if (l.get(i).firstTime() <= time) {
                    return l.get(i);
                }
            }
            return l.getFirst();
        }
    }

    /** Returns the threads that ran tracked code in this session and are still alive. */
    public List<Thread> liveThreads() {
        List<Thread> out = new ArrayList<>();
        synchronized (infos) {
            for (WeakReference<Thread> r : seen) {
                Thread t = r.get();
                if (t != null && t.isAlive()) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    /** Returns the number of thread ids in use (finished threads' ids are reused). */
    public int threadIds() {
        return nextTid.get();
    }

    /** Returns the number of objects with shadow state (a measure of the detector's memory). */
    public int shadowCount() {
        return shadows.size();
    }

    /** The clock of a thread at its {@code start()}, waiting for the thread's first tracked action. */
    record StartInfo(VectorClock clock, Throwable where) {
    }
}
