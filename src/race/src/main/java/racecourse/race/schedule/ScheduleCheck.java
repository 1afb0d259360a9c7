package racecourse.race.schedule;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.function.IntFunction;
import racecourse.race.DataRace;
import racecourse.race.clock.Epochs;
import racecourse.race.clock.VectorClock;
import racecourse.race.edges.SyncVar;
import racecourse.race.report.Names;
import racecourse.race.report.RaceLog;
import racecourse.race.report.ThreadInfo;
import racecourse.race.shadow.Conflict;
import racecourse.race.shadow.FastTrack;
import racecourse.race.shadow.Shadow;

/**
 * The race detector's happens-before check, driven step by step by a controlled scheduler instead of by the
 * running threads: the same vector clocks ({@link VectorClock}), synchronization clocks ({@link SyncVar}),
 * access histories ({@link FastTrack} over {@link Shadow}) and reports ({@link RaceLog}, {@link DataRace}) as the
 * detector's agent, with threads named by the scheduler's small numbers. One instance is one session: the
 * explorer calls {@link #reset()} before each schedule, so that no schedule sees another's history.
 * Not thread-safe: used by the one thread that holds the scheduler's turn.
 */
public final class ScheduleCheck {
    /** How many races of one schedule are kept in full. */
    private static final int MAX_RACES = 100;
    /** The key of static fields' history. */
    private static final Object STATICS = new Object();
    /** The key of a step that may touch anything. */
    private static final Object EVERYTHING = new Object();

    private final IntFunction<String> variables;
    private VectorClock[] clocks = new VectorClock[8];
    private ThreadInfo[] infos = new ThreadInfo[8];
    private final IdentityHashMap<Object, SyncVar> syncs = new IdentityHashMap<>();
    private final IdentityHashMap<Object, Shadow> shadows = new IdentityHashMap<>();
    private RaceLog log = new RaceLog(MAX_RACES, null, null, null);

    /**
     * A check whose field accesses are named by {@code variables} (from the site number: {@code Counter.value}),
     * as the detector names them.
     */
    public ScheduleCheck(IntFunction<String> variables) {
        this.variables = variables;
    }

    /** Forgets every thread, clock, history and race: the next schedule starts from nothing. */
    public void reset() {
        clocks = new VectorClock[8];
        infos = new ThreadInfo[8];
        syncs.clear();
        shadows.clear();
        log = new RaceLog(MAX_RACES, null, null, null);
    }

    private VectorClock clock(int tid) {
        if (tid >= clocks.length) {
            clocks = java.util.Arrays.copyOf(clocks, Math.max(tid + 1, clocks.length * 2));
            infos = java.util.Arrays.copyOf(infos, clocks.length);
        }
        VectorClock c = clocks[tid];
        if (c == null) {
            c = new VectorClock();
            c.set(tid, 1);
            clocks[tid] = c;
        }
        return c;
    }

    private ThreadInfo info(int tid) {
        clock(tid);
        ThreadInfo i = infos[tid];
        if (i == null) {
            i = new ThreadInfo(tid, 1, false);
            infos[tid] = i;
        }
        return i;
    }

    /** Names thread {@code tid} in reports. */
    public void name(int tid, String name) {
        info(tid).name(name);
    }

    private void tick(int tid) {
        VectorClock c = clock(tid);
        c.set(tid, c.get(tid) + 1);
    }

    private SyncVar sync(Object on) {
        return syncs.computeIfAbsent(on == null ? EVERYTHING : on, k -> new SyncVar());
    }

    /** Thread {@code child} starts with what {@code parent} knows (start happens before the thread's actions). */
    public void fork(int parent, int child) {
        VectorClock c = clock(child);
        c.join(clock(parent));
        c.set(child, Math.max(c.get(child), 1));
        tick(parent);
    }

    /** Thread {@code tid} ended: a later synchronization on {@code joinKey} (its join) learns what it knew. */
    public void end(int tid, Object joinKey) {
        if (joinKey != null) {
            sync(joinKey).release(clock(tid));
        }
    }

    /**
     * A synchronization step of thread {@code tid} on {@code on} (a lock, a monitor, a thread joined or started,
     * a queue, ...; null: anything): it is ordered after every earlier step on {@code on}, and before every later.
     */
    public void synchronize(int tid, Object on) {
        VectorClock c = clock(tid);
        SyncVar v = sync(on);
        v.acquire(c);
        v.release(c);
        tick(tid);
    }

    /**
     * A step on one side of a read/write lock whose pair is keyed by {@code lock}: writers are ordered with
     * everything; a reader sees the writers' past and publishes to later writers, but two readers are not ordered.
     */
    public void readWrite(int tid, Object lock, boolean reader) {
        VectorClock c = clock(tid);
        SyncVar v = sync(lock);
        if (reader) {
            v.acquireRead(c);
            v.releaseRead(c);
        } else {
            v.acquire(c);
            v.release(c);
        }
        tick(tid);
    }

    /**
     * An access of thread {@code tid} at site {@code site}: to field {@code key} of {@code target} (null: a static
     * field), to element {@code key} of an array, or to a collection as a whole ({@code key} -1). An
     * {@code ordered} access (a volatile field, an atomic) synchronizes on its variable instead; a plain one is
     * checked against the variable's history and reported when no happens-before order separates it from an
     * earlier conflicting access of another thread.
     */
    public void access(int tid, Object target, int key, int site, boolean write, boolean ordered) {
        VectorClock c = clock(tid);
        Object on = target == null ? STATICS : target;
        if (ordered) {
            SyncVar v = sync(on).field(key + 1);
            v.acquire(c);
            v.release(c);
            tick(tid);
            return;
        }
        boolean array = target != null && target.getClass().isArray();
        Shadow sh = shadows.get(on);
        if (sh == null) {
            sh = array ? Shadow.forArray(this, java.lang.reflect.Array.getLength(on)) : Shadow.forFields(this);
            shadows.put(on, sh);
        }
        int fid = array ? -key - 1 : key + 1;
        long epoch = Epochs.of(tid, c.get(tid));
        if (!array && FastTrack.sameEpoch(sh, fid, write, epoch)) {
            return;
        }
        Conflict conflict = FastTrack.access(sh, fid, write, tid, c, site);
        if (conflict == null || !log.isNew(site, conflict.previousSite())) {
            return;
        }
        String variable;
        String kind;
        if (array) {
            variable = Names.typeName(on.getClass().getComponentType().getName()) + "[] element " + key;
            kind = "array";
        } else if (key < 0) {
            variable = Names.typeName(on.getClass().getName());
            kind = "collection";
        } else {
            variable = variables.apply(site);
            kind = target == null ? "static" : "field";
        }
        log.report(variable, kind, write, info(tid), site, null, conflict.previousWrite(),
                info(conflict.previousTid()), conflict.previousSite());
    }

    /** The races of this schedule, once per variable and pair of source lines, in the order found. */
    public List<DataRace> races() {
        return log.races();
    }
}
