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
    final SyncVar cells = new SyncVar();
    private final AtomicInteger nextTid = new AtomicInteger();
    private final List<ThreadInfo> infos = new ArrayList<>(); // guarded by infos
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
        return syncs.computeIfAbsent(key, k -> new SyncVar());
    }

    ThreadInfo newThread() {
        int tid = nextTid.getAndIncrement();
        if (tid > Epochs.MAX_TID) {
            throw new IllegalStateException("race detector: too many threads");
        }
        ThreadInfo info = new ThreadInfo(tid);
        synchronized (infos) {
            infos.add(info);
        }
        return info;
    }

    void noteThread(Thread t) {
        synchronized (infos) {
            seen.add(new WeakReference<>(t));
        }
    }

    ThreadInfo info(int tid) {
        synchronized (infos) {
            return tid < infos.size() ? infos.get(tid) : null;
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

    /** Returns the number of threads seen. */
    public int threadCount() {
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
