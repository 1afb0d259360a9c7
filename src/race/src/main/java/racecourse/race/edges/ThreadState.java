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
    /**
     * The monitor this thread exited last, while nothing has happened since (no access recorded, no other
     * synchronization, no tick): {@code Hooks.monitorEnter} may then merge the exit with the next entry. Else null.
     */
    SyncVar exited;
    /** The epoch this thread was in when it exited {@link #exited}, before the exit's tick. */
    long exitedEpoch;
    /** The version of {@link #vc} at that exit, before the tick. */
    long exitedVersion;
    /** The monitor clock this thread's clock was last joined into on a monitor exit, and the clock's version then. */
    SyncVar joinedInto;
    long joinedVersion;

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

    /** Starts a new epoch: called after each release. Ends any chance to merge a monitor exit ({@link #exited}). */
    void tick() {
        int t = vc.get(tid) + 1;
        vc.set(tid, t);
        epoch = Epochs.of(tid, t);
        exited = null;
    }

    /** Notes that this thread records an access now: its last monitor exit can no longer be merged. */
    void recording() {
        exited = null;
    }

    /**
     * Merges the monitor exit noted in {@link #exited} with an entry into the same monitor now, if nothing else
     * happened in between: goes back to the epoch before the exit's tick. Returns false (and changes nothing
     * but {@link #exited}) otherwise. The caller has checked that no other thread acquired the monitor since.
     */
    boolean reenter(SyncVar v) {
        SyncVar e = exited;
        exited = null;
        if (e != v || vc.version() != exitedVersion + 1) {
            return false;
        }
        vc.rewind(tid, Epochs.time(exitedEpoch), exitedVersion);
        epoch = exitedEpoch;
        return true;
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
