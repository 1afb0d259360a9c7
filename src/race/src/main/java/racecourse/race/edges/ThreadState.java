package racecourse.race.edges;

import racecourse.race.clock.Epochs;
import racecourse.race.clock.VectorClock;
import racecourse.race.report.ThreadInfo;
import racecourse.race.shadow.Shadow;
import racecourse.race.shadow.WeakIdentityMap;

/**
 * A tracked thread's detector state: its vector clock (read through {@link #vc()}), current epoch and a
 * one-entry cache of the last object it accessed. Not thread-safe: used only by its own thread (and read by
 * joiners after it died).
 */
final class ThreadState {
    final Session session;
    final int tid;
    final ThreadInfo info;
    /** The clock itself: read it through {@link #vc()}, except to compare identities or read a dead thread's. */
    final VectorClock vc;
    long epoch;
    boolean started;
    int clinit;
    /**
     * A direct-mapped cache of the shadows of recently accessed objects, indexed by identity hash: 64 entries,
     * doubled up to {@link #MAX_CACHE} when this thread keeps missing it (code that cycles through many arrays).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    WeakIdentityMap.Entry<Shadow>[] cache = new WeakIdentityMap.Entry[64];
    /** The most entries {@link #cache} grows to. */
    static final int MAX_CACHE = 1024;
    /** Misses of {@link #cache} since it last grew. */
    private int misses;
    /** A small direct-mapped cache of the session's entries for synchronization objects (not instrumented ones). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    final WeakIdentityMap.Entry<SyncVar>[] syncs = new WeakIdentityMap.Entry[16];
    /** The cache entry of the object accessed last, checked before {@link #cache}. */
    WeakIdentityMap.Entry<Shadow> last;
    /**
     * When {@link #last} is an array's: the chunk of its history this thread found last ({@code Hooks.element}),
     * else null; with the index of its first element and how many of the array's elements it holds. A chunk stays
     * in its history for good, so this only saves finding it again. Set to null whenever {@link #last} changes.
     */
    racecourse.race.shadow.Shadow.Chunk chunk;
    int chunkBase;
    int chunkLength;
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
    /**
     * True when {@link #epoch} is one tick past this thread's own time in {@link #vc} (a monitor exit's tick not yet
     * applied to the clock; see {@link #vc()}). No history holds the new epoch then, and no clock holds its time.
     */
    boolean behind;
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

    /**
     * Returns this thread's clock, first catching it up with {@link #epoch} if a monitor exit left it a tick
     * behind ({@link #behind}). Every use of the clock goes through here, so that a clock that was looked at
     * can no longer be merged back (see {@code Hooks.monitorEnter}).
     */
    VectorClock vc() {
        if (behind) {
            vc.set(tid, Epochs.time(epoch));
            behind = false;
        }
        return vc;
    }

    /** Starts a new epoch: called after each release. Ends any chance to merge a monitor exit ({@link #exited}). */
    void tick() {
        VectorClock c = vc();
        int t = c.get(tid) + 1;
        c.set(tid, t);
        epoch = Epochs.of(tid, t);
        exited = null;
    }

    /**
     * Starts a new epoch after leaving monitor {@code v}, leaving the clock one tick behind until it is used:
     * an entry into {@code v} before anything else happens can then go back to the old epoch at no cost.
     */
    void exit(SyncVar v) {
        long before = epoch;
        vc(); // the clock is up to date before the new epoch starts
        epoch = Epochs.of(tid, Epochs.time(before) + 1);
        behind = true;
        exited = v;
        exitedEpoch = before;
    }

    /** Notes that this thread records an access now: its last monitor exit can no longer be merged. */
    void recording() {
        exited = null;
    }

    /**
     * Merges the monitor exit noted in {@link #exited} with an entry into the same monitor now, if nothing else
     * happened in between (the clock is still behind: nobody used it): goes back to the epoch before the exit.
     * Returns false (and forgets the exit) otherwise. The caller has checked that no other thread acquired the
     * monitor since.
     */
    boolean reenter(SyncVar v) {
        SyncVar e = exited;
        exited = null;
        if (e != v || !behind) {
            return false;
        }
        behind = false;
        epoch = exitedEpoch;
        return true;
    }

    /**
     * Notes that an object's shadow was not in {@link #cache}: after eight misses per entry the cache doubles (up to
     * {@link #MAX_CACHE}), keeping the entries whose objects are alive.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void cacheMissed() {
        if (++misses <= 8 * cache.length || cache.length >= MAX_CACHE) {
            return;
        }
        misses = 0;
        WeakIdentityMap.Entry<Shadow>[] bigger = new WeakIdentityMap.Entry[2 * cache.length];
        for (WeakIdentityMap.Entry<Shadow> e : cache) {
            Object key = e == null ? null : e.get();
            if (key != null) {
                bigger[System.identityHashCode(key) & (bigger.length - 1)] = e;
            }
        }
        cache = bigger;
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
