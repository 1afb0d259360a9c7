package racecourse.race.edges;

import racecourse.race.clock.Epochs;
import racecourse.race.clock.VectorClock;
import racecourse.race.report.ThreadInfo;
import racecourse.race.shadow.Shadow;
import racecourse.race.shadow.WeakIdentityMap;

/**
 * A tracked thread's detector state: its vector clock, current epoch and a one-entry cache of the last
 * object it accessed. Not thread-safe: used only by its own thread (and read by joiners after it died).
 */
final class ThreadState {
    final Session session;
    final int tid;
    final ThreadInfo info;
    final VectorClock vc;
    long epoch;
    boolean started;
    int clinit;
    /** A small direct-mapped cache of the shadows of recently accessed objects. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    final WeakIdentityMap.Entry<Shadow>[] cache = new WeakIdentityMap.Entry[64];
    /** A small direct-mapped cache of the session's entries for synchronization objects (not instrumented ones). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    final WeakIdentityMap.Entry<SyncVar>[] syncs = new WeakIdentityMap.Entry[16];
    /** The cache entry of the object accessed last, checked before {@link #cache}. */
    WeakIdentityMap.Entry<Shadow> last;
    /** The id of the thread this state was last cached for by {@code Hooks} (that thread only writes it); 0: none. */
    long owner;
    SyncVar lastTask;

    boolean retired;

    ThreadState(Session session, VectorClock inherited, Throwable createdAt) {
        this.session = session;
        this.info = session.newThread(inherited);
        this.tid = info.tid();
        this.vc = inherited != null ? inherited : new VectorClock();
        vc.set(tid, info.firstTime());
        epoch = Epochs.of(tid, info.firstTime());
        if (createdAt != null) {
            info.createdAt(createdAt);
        }
    }

    /** Starts a new epoch: called after each release. */
    void tick() {
        int t = vc.get(tid) + 1;
        vc.set(tid, t);
        epoch = Epochs.of(tid, t);
    }

    /** Binds this state to the running thread, applying the clock its starter left for it. */
    void start() {
        started = true;
        Thread t = Thread.currentThread();
        info.bind(t);
        session.threads.put(t, this);
        session.noteThread(t);
        Session.StartInfo si = session.pending.remove(t);
        if (si != null) {
            vc.join(si.clock());
            info.createdAt(si.where());
        }
    }
}
