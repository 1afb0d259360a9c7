package racecourse.race.edges;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import racecourse.race.clock.VectorClock;
import racecourse.race.report.Names;
import racecourse.race.shadow.Conflict;
import racecourse.race.shadow.FastTrack;
import racecourse.race.shadow.Shadow;
import racecourse.race.shadow.WeakIdentityMap;

/**
 * The entry points that instrumented code calls. Each first reads the running session and returns at
 * once when tracking is off, which is all a dormant agent costs.
 *
 * <p>Thread-safe. Public only because instrumented classes in other packages and loaders call it.
 */
public final class Hooks {
    private static final InheritableThreadLocal<ThreadState> STATE = new InheritableThreadLocal<>() {
        @Override
        protected ThreadState childValue(ThreadState parent) {
            Session s = Tracker.on ? Tracker.session : null;
            if (parent == null || s == null || parent.session != s) {
                return null;
            }
            ThreadState child = new ThreadState(s, parent.vc().copy(), null);
            if (child.info.keepsStacks()) {
                child.info.createdAt(new Throwable());
            }
            parent.tick();
            return child;
        }
    };

    private static final int OTHER = 0;
    private static final int UNSAFE = 1;
    private static final int SYNCED = 2;
    private static final Set<String> UNSAFE_COLLECTIONS = Set.of(
            "java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.HashSet",
            "java.util.LinkedHashSet", "java.util.TreeSet", "java.util.ArrayList", "java.util.LinkedList",
            "java.util.ArrayDeque", "java.util.PriorityQueue", "java.util.IdentityHashMap",
            "java.util.WeakHashMap", "java.util.EnumMap", "java.util.BitSet", "java.lang.StringBuilder",
            "java.util.Arrays$ArrayList", "java.util.ArrayList$SubList");
    private static final ClassValue<Integer> COLLECTION_KIND = new ClassValue<>() {
        @Override
        protected Integer computeValue(Class<?> c) {
            for (Class<?> k = c; k != null; k = k.getSuperclass()) {
                String n = k.getName();
                if (UNSAFE_COLLECTIONS.contains(n)) {
                    return UNSAFE;
                }
                if (n.startsWith("java.util.concurrent.") || n.startsWith("java.util.Collections$Synchronized")
                        || n.equals("java.util.Vector") || n.equals("java.util.Hashtable")
                        || n.equals("java.lang.StringBuffer")) {
                    return SYNCED;
                }
                if (n.startsWith("java.") || n.startsWith("jdk.")) {
                    return OTHER;
                }
            }
            return OTHER;
        }
    };

    /** How many fields of a class may be tracked (not static, final, volatile or synthetic), at most 8. */
    private static final ClassValue<Integer> FIELD_SLOTS = new ClassValue<>() {
        @Override
        protected Integer computeValue(Class<?> c) {
            int n = 0;
            for (Class<?> k = c; k != null && n < 8; k = k.getSuperclass()) {
                try {
                    for (java.lang.reflect.Field f : k.getDeclaredFields()) {
                        int m = f.getModifiers();
                        if (!f.isSynthetic() && (m & (java.lang.reflect.Modifier.STATIC
                                | java.lang.reflect.Modifier.FINAL | java.lang.reflect.Modifier.VOLATILE)) == 0) {
                            n++;
                        }
                    }
                } catch (SecurityException | LinkageError e) {
                    break; // no advance room: slots are then added one by one
                }
            }
            return Math.min(n, 8);
        }
    };

    private Hooks() {
    }

    /**
     * A direct-mapped cache in front of {@link #STATE}, indexed by {@link Thread#threadId()}: each entry is the
     * current state of the thread whose id its {@code owner} holds (an id, not the thread: a dead thread and what
     * it references are not kept alive). Only a thread writes its own states here (and
     * overwrites or clears its entry whenever its state changes), so a thread that finds an entry it owns finds
     * its current state; entries of other threads, stale or half-seen, fail the owner check. Racy by design.
     */
    private static final ThreadState[] BY_THREAD = new ThreadState[1024];

    static ThreadState state(Session s) {
        long id = Thread.currentThread().threadId();
        ThreadState ts = BY_THREAD[(int) id & (BY_THREAD.length - 1)];
        if (ts != null && ts.owner == id && ts.session == s) {
            return ts;
        }
        return lookUpState(s, id);
    }

    private static ThreadState lookUpState(Session s, long id) {
        ThreadState ts = STATE.get();
        if (ts == null || ts.session != s) {
            ts = new ThreadState(s, null, null);
            STATE.set(ts);
        }
        if (!ts.started) {
            ts.start();
        }
        ts.owner = id;
        BY_THREAD[(int) id & (BY_THREAD.length - 1)] = ts;
        return ts;
    }

    /** Points the current thread's cache entry at {@code ts} (null: look it up again next time). */
    private static void cacheState(ThreadState ts) {
        long id = Thread.currentThread().threadId();
        if (ts != null) {
            ts.owner = id;
        }
        BY_THREAD[(int) id & (BY_THREAD.length - 1)] = ts;
    }

    /** Drops the cached states of every thread, so that an ended session's states are not kept alive. */
    static void forgetStates() {
        java.util.Arrays.fill(BY_THREAD, null);
    }

    // ---- the thread's state in a local of each instrumented method ----

    /*
     * An instrumented method that makes several accesses (or one in a loop) calls here() once, when it starts, and
     * keeps the answer in a local of its own, which it passes to each access and monitor hook; those then skip the
     * lookup of the thread's state. What the local holds, and why it stays right while the method runs:
     *  - null when no session ran as the method started: every hook then looks the session up itself, as a hook
     *    without the argument does, so a session that begins while the method runs sees its later accesses.
     *  - else the state of the running thread in that session. A hook uses it only while its session is still the
     *    running one (usable(): one comparison with Tracker.session); after that session ended, the hook looks
     *    the running session up again, so an ended session records nothing more and a new one misses nothing.
     *  - a pool task's wrapper swaps the thread's state at its start and puts it back at its end (taskBegin,
     *    taskEnd), both inside one call made by the thread's code (Tasks): a method that runs in the task starts
     *    after the swap and takes the task's state; a method of the code around the task is waiting in that call
     *    while the swap lasts, and finds its own state back when it goes on.
     *  - a virtual thread keeps its frames, hence the state it took, whatever carrier runs it.
     *  - a static initializer raises its state's clinit count; the hooks read that count from the same object.
     */

    /**
     * At the start of an instrumented method: the running thread's state in the running session, for the
     * method to pass to its hooks; null while tracking is off.
     */
    public static Object here() {
        Session s = Tracker.on ? Tracker.session : null;
        return s == null ? null : state(s);
    }

    /** Returns {@code state} if it is a state of the running session (a method's local), else null. */
    private static ThreadState usable(Object state) {
        return state instanceof ThreadState ts && ts.session == Tracker.session ? ts : null;
    }

    // ---- fields and arrays ----

    /** After {@code GETFIELD}. */
    public static void getField(Object obj, int site) {
        Session s = Tracker.on ? Tracker.session : null;
        if (s != null && obj != null) {
            field(state(s), obj, site, false);
        }
    }

    /** After {@code GETFIELD}, in a method that keeps the thread's {@code state} (see {@link #here}). */
    public static void getField(Object obj, int site, Object state) {
        ThreadState ts = usable(state);
        if (ts == null) {
            getField(obj, site);
        } else if (obj != null) {
            field(ts, obj, site, false);
        }
    }

    /** Before {@code PUTFIELD}. */
    public static void putField(Object obj, int site) {
        Session s = Tracker.on ? Tracker.session : null;
        if (s != null && obj != null) {
            field(state(s), obj, site, true);
        }
    }

    /** Before {@code PUTFIELD}, in a method that keeps the thread's {@code state} (see {@link #here}). */
    public static void putField(Object obj, int site, Object state) {
        ThreadState ts = usable(state);
        if (ts == null) {
            putField(obj, site);
        } else if (obj != null) {
            field(ts, obj, site, true);
        }
    }

    /** After {@code GETSTATIC}. */
    public static void getStatic(int site) {
        Session s = Tracker.on ? Tracker.session : null;
        if (s != null) {
            field(state(s), null, site, false);
        }
    }

    /** After {@code GETSTATIC}, in a method that keeps the thread's {@code state} (see {@link #here}). */
    public static void getStatic(int site, Object state) {
        ThreadState ts = usable(state);
        if (ts == null) {
            getStatic(site);
        } else {
            field(ts, null, site, false);
        }
    }

    /** Before {@code PUTSTATIC}. */
    public static void putStatic(int site) {
        Session s = Tracker.on ? Tracker.session : null;
        if (s != null) {
            field(state(s), null, site, true);
        }
    }

    /** Before {@code PUTSTATIC}, in a method that keeps the thread's {@code state} (see {@link #here}). */
    public static void putStatic(int site, Object state) {
        ThreadState ts = usable(state);
        if (ts == null) {
            putStatic(site);
        } else {
            field(ts, null, site, true);
        }
    }

    /**
     * A field access. Kept small so that the JIT inlines it: when the object keeps its history itself and the
     * field was already accessed so in this epoch (which also means it is a plain data field), that is all.
     */
    private static void field(ThreadState ts, Object obj, int siteId, boolean write) {
        if (ts.clinit > 0) {
            return;
        }
        Session s = ts.session;
        FieldInfo f = Sites.get(siteId).field(obj);
        if (obj instanceof ShadowHolder h && h.$race$get() instanceof Shadow sh && sh.session == s
                && FastTrack.sameEpoch(sh, f.id(), write, ts.epoch)) {
            return;
        }
        fieldAccess(s, ts, f, obj, siteId, write);
    }

    /** The field each field updater made in tracked code works on (see {@link #updaterMade}). */
    private static final WeakIdentityMap<FieldInfo> UPDATERS = new WeakIdentityMap<>();

    /** After {@code Atomic...FieldUpdater.newUpdater(owner, ..., name)}: notes the field the updater works on. */
    public static void updaterMade(Object updater, Class<?> owner, String name) {
        if (updater == null || owner == null || name == null) {
            return;
        }
        try {
            java.lang.reflect.Field f = Site.find(owner, name);
            if (f != null) {
                UPDATERS.put(updater, FieldInfo.of(f));
            }
        } catch (RuntimeException | LinkageError e) {
            // the updater then synchronizes on itself, as before the field was known
        }
    }

    /**
     * Before an atomic access through a {@code VarHandle} (a mode other than plain) or a field updater
     * ({@code via}), on {@code obj}'s field (null for a static field or an array): a release, if the call is one,
     * into the field's own variable, which {@code volatile} accesses of the field use too.
     */
    public static void atomicFieldBefore(Object via, Object obj, int siteId) {
        Session s = Tracker.on ? Tracker.session : null;
        if (s == null || via == null) {
            return;
        }
        Site site = Sites.get(siteId);
        if ((site.flags & CallSpec.RELEASE) != 0) {
            ThreadState ts = state(s);
            atomicTarget(s, ts, via, obj, site).release(ts.vc());
            ts.tick();
        }
    }

    /** After such an access: an acquire, if the call is one, from the field's own variable. */
    public static void atomicFieldAfter(Object via, Object obj, int siteId) {
        Session s = Tracker.on ? Tracker.session : null;
        if (s == null || via == null) {
            return;
        }
        Site site = Sites.get(siteId);
        if ((site.flags & CallSpec.ACQUIRE) != 0) {
            ThreadState ts = state(s);
            atomicTarget(s, ts, via, obj, site).acquire(ts.vc());
        }
    }

    private static SyncVar atomicTarget(Session s, ThreadState ts, Object via, Object obj, Site site) {
        FieldInfo f = via instanceof java.lang.invoke.VarHandle h ? VarHandleFields.of(h, obj, site) : UPDATERS.get(via);
        if (f != null) {
            Object key = f.isStatic() ? f : obj;
            if (key != null) {
                return sync(s, ts, key).field(f.id());
            }
        }
        return sync(s, ts, via);
    }

    /** Before a plain {@code VarHandle.get} with one coordinate or none: a read if the handle is a field's. */
    public static void varHandleGet(Object handle, Object obj, int site) {
        Session s = Tracker.on ? Tracker.session : null;
        if (s != null && handle instanceof java.lang.invoke.VarHandle h) {
            varHandleField(s, h, obj, site, false);
        }
    }

    /** Before a plain {@code VarHandle.set} with one coordinate or none: a write if the handle is a field's. */
    public static void varHandleSet(Object handle, Object obj, int site) {
        Session s = Tracker.on ? Tracker.session : null;
        if (s != null && handle instanceof java.lang.invoke.VarHandle h) {
            varHandleField(s, h, obj, site, true);
        }
    }

    private static void varHandleField(Session s, java.lang.invoke.VarHandle h, Object obj, int siteId,
                                       boolean write) {
        FieldInfo f = VarHandleFields.of(h, obj, Sites.get(siteId));
        if (f == null || f.isVolatile() || (f.isStatic() != (obj == null))) {
            return; // not a field's handle, or a volatile field (its plain mode is left unmodelled)
        }
        ThreadState ts = state(s);
        if (ts.clinit > 0) {
            return;
        }
        fieldAccess(s, ts, f, obj, siteId, write);
    }

    private static void fieldAccess(Session s, ThreadState ts, FieldInfo f, Object obj, int siteId,
                                    boolean write) {
        if (f.isFinal()) {
            return;
        }
        Object key = f.isStatic() ? f : obj;
        if (key == null) {
            return;
        }
        if (f.isVolatile()) {
            SyncVar v = sync(s, ts, key).field(f.id());
            if (write) {
                v.release(ts.vc());
                ts.tick();
            } else {
                v.acquire(ts.vc());
            }
            return;
        }
        Shadow sh = shadow(s, ts, key, -1);
        int fid = f.id();
        if (FastTrack.sameEpoch(sh, fid, write, ts.epoch)) {
            return;
        }
        ts.recording();
        Conflict c = FastTrack.access(sh, fid, write, ts.tid, ts.vc(), siteId);
        ts.info.noteSite(siteId);
        if (c != null && s.log.isNew(siteId, c.previousSite())) {
            report(s, ts, c, siteId, write, f.display(), f.isStatic() ? "static" : "field");
        }
    }

    /** Before an array load ({@code xALOAD}). */
    public static void arrayLoad(Object array, int index, int site) {
        Session s = Tracker.on ? Tracker.session : null;
        if (s != null && array != null) {
            element(state(s), array, index, site, false);
        }
    }

    /** Before an array load, in a method that keeps the thread's {@code state} (see {@link #here}). */
    public static void arrayLoad(Object array, int index, int site, Object state) {
        ThreadState ts = usable(state);
        if (ts == null) {
            arrayLoad(array, index, site);
        } else if (array != null) {
            element(ts, array, index, site, false);
        }
    }

    /** Before an array store ({@code xASTORE}). */
    public static void arrayStore(Object array, int index, int site) {
        Session s = Tracker.on ? Tracker.session : null;
        if (s != null && array != null) {
            element(state(s), array, index, site, true);
        }
    }

    /** Before an array store, in a method that keeps the thread's {@code state} (see {@link #here}). */
    public static void arrayStore(Object array, int index, int site, Object state) {
        ThreadState ts = usable(state);
        if (ts == null) {
            arrayStore(array, index, site);
        } else if (array != null) {
            element(ts, array, index, site, true);
        }
    }

    /**
     * Before a JDK bulk array operation: a read or write of each element in {@code [from, to)} (clipped to the
     * array); a bad range is left for the operation itself to reject.
     */
    public static void arrayRange(Object array, int from, int to, boolean write, int site) {
        Session s = Tracker.on ? Tracker.session : null;
        if (s == null || array == null || !array.getClass().isArray()) {
            return;
        }
        int end = Math.min(to, java.lang.reflect.Array.getLength(array));
        ThreadState ts = state(s);
        if (ts.clinit > 0) {
            return;
        }
        for (int i = Math.max(0, from); i < end; ) {
            WeakIdentityMap.Entry<Shadow> last = ts.last;
            int n = last != null && last.refersTo(array)
                    ? FastTrack.noWorkRun(last.firstValue(), i, end, write, ts.epoch, site) : 0;
            if (n > 0) {
                ts.recording();
                i += n;
            } else {
                element(ts, array, i, site, write);
                i++;
            }
        }
    }

    /**
     * An element access. Kept small so that the JIT inlines it into the accessing loop: when the array is the
     * one this thread accessed last and the element was already accessed so in this epoch, that is all. The
     * element's chunk is the one the thread found last when the index falls in it ({@link ThreadState#chunk}),
     * else it is looked up and kept for the next access.
     */
    private static void element(ThreadState ts, Object array, int index, int siteId, boolean write) {
        if (ts.clinit > 0) {
            return;
        }
        WeakIdentityMap.Entry<Shadow> last = ts.last;
        if (last != null && last.refersTo(array)) {
            Shadow.Chunk ch = ts.chunk;
            int j = index - ts.chunkBase;
            if (ch == null || j < 0 || j >= ts.chunkLength) {
                Shadow sh = last.firstValue(); // the shadows map never replaces a value
                ch = index >= 0 && index < sh.length ? sh.chunks[index >>> Shadow.CHUNK_BITS] : null;
                if (ch != null) {
                    int base = index & -Shadow.CHUNK;
                    ts.chunk = ch;
                    ts.chunkBase = base;
                    ts.chunkLength = Math.min(Shadow.CHUNK, sh.length - base);
                    j = index - base;
                }
            }
            if (ch != null) {
                long epoch = ts.epoch;
                if (FastTrack.sameEpochInChunk(ch, j, write, epoch)) {
                    return;
                }
                if (FastTrack.extendInChunk(ch, j, write, epoch, siteId)) {
                    ts.recording();
                    return;
                }
            }
        }
        elementSlow(ts.session, ts, array, index, siteId, write);
    }

    private static void elementSlow(Session s, ThreadState ts, Object array, int index, int siteId, boolean write) {
        ts.recording();
        Shadow sh = shadow(s, ts, array, ARRAY);
        // the history's length is the array's: this also checks the index (a bad one is left to the access)
        if (index < 0 || index >= sh.length) {
            return;
        }
        long epoch = ts.epoch;
        if (FastTrack.sameEpochElement(sh, index, write, epoch) || FastTrack.extendUniform(sh, index, write, epoch,
                siteId)) {
            return;
        }
        int fid = -index - 1;
        Conflict c = FastTrack.access(sh, fid, write, ts.tid, ts.vc(), siteId);
        ts.info.noteSite(siteId);
        if (c != null && s.log.isNew(siteId, c.previousSite())) {
            String type = Names.typeName(array.getClass().getComponentType().getName()) + "[]";
            report(s, ts, c, siteId, write, type + " element " + index, "array");
        }
    }

    private static final Object[] STRIPES = new Object[64];

    static {
        for (int i = 0; i < STRIPES.length; i++) {
            STRIPES[i] = new Object();
        }
    }

    /** Passed to {@link #shadow} for an array: its history is sized from the array when first made. */
    private static final int ARRAY = -2;

    /** The history of {@code key}; {@code kind} is {@link #ARRAY} for an array, -1 for an object's fields. */
    private static Shadow shadow(Session s, ThreadState ts, Object key, int arrayLength) {
        if (arrayLength != ARRAY && key instanceof ShadowHolder h) {
            return held(s, h);
        }
        WeakIdentityMap.Entry<Shadow> e = ts.last;
        if (e != null && e.refersTo(key)) {
            return e.firstValue();
        }
        int h = System.identityHashCode(key);
        WeakIdentityMap.Entry<Shadow>[] cache = ts.cache;
        e = cache[h & (cache.length - 1)];
        if (e != null && e.refersTo(key)) {
            ts.last = e;
            ts.chunk = null;
            return e.firstValue();
        }
        e = s.shadows.find(key);
        if (e == null) {
            e = s.shadows.entry(key, k -> arrayLength == ARRAY
                    ? Shadow.forArray(s, java.lang.reflect.Array.getLength(k))
                    : Shadow.forFields(s));
        }
        ts.cacheMissed();
        cache = ts.cache;
        cache[h & (cache.length - 1)] = e;
        ts.last = e;
        ts.chunk = null;
        return e.firstValue();
    }

    /**
     * The clock of synchronization object {@code key}, found through the thread's small cache of entries of the
     * session's map (which hold their keys weakly and whose values are read afresh), else through the session.
     */
    private static SyncVar sync(Session s, ThreadState ts, Object key) {
        if (key instanceof ShadowHolder) {
            return s.sync(key);
        }
        int i = System.identityHashCode(key) & (ts.syncs.length - 1);
        WeakIdentityMap.Entry<SyncVar> e = ts.syncs[i];
        if (e != null && e.refersTo(key)) {
            SyncVar v = e.value();
            if (v != null) {
                return v;
            }
        }
        e = s.syncs.entry(key, k -> new SyncVar());
        ts.syncs[i] = e;
        return e.value();
    }

    /** Returns the shadow kept in an instrumented object, creating it for this session if needed. */
    static Shadow held(Session s, ShadowHolder h) {
        if (h.$race$get() instanceof Shadow sh && sh.session == s) {
            return sh;
        }
        synchronized (STRIPES[System.identityHashCode(h) & (STRIPES.length - 1)]) {
            if (h.$race$get() instanceof Shadow sh && sh.session == s) {
                return sh;
            }
            Shadow sh = Shadow.forFields(s, FIELD_SLOTS.get(h.getClass()));
            h.$race$set(sh);
            return sh;
        }
    }

    private static void report(Session s, ThreadState ts, Conflict c, int site, boolean write, String variable,
                               String kind) {
        s.log.report(variable, kind, write, ts.info, site, new Throwable(), c.previousWrite(),
                s.info(c.previousTid(), c.previousTime()), c.previousSite());
    }

    // ---- monitors and class initialization ----

    /*
     * Lock coarsening, as the JIT does it. When a thread exits monitor L and enters L again with nothing in
     * between, the two critical sections are treated as one: monitorEnter puts the thread back in the epoch it
     * had before the exit (ThreadState.reenter), so the accesses of the next section are same-epoch ones and
     * take the short paths; and monitorExit skips the join into L's clock when the thread's clock has not
     * changed since its last join into L (ThreadState.joinedInto: L's clock only grows, so it already holds it).
     * An exit's tick is applied to the thread's clock only when the clock is next used (ThreadState.exit and
     * vc()), so a merge changes no clock at all.
     *
     * Why this neither hides nor invents a race. Let t exit L (release R1) in epoch T, move to epoch T+1, and
     * enter L again (acquire A2). Merging is allowed when, between R1 and A2:
     *  (1) no other thread acquired L (SyncVar.coarsens: `covered` is still t's clock, which any other acquirer
     *      would have replaced; and only monitor hooks use L, which run inside L's critical sections and so are
     *      ordered by L itself, hence t's check at A2 sees every acquire made before A2 and none can come later
     *      while t holds L. Any other use of L's clock, e.g. wait() or lock() on the same object, sets `shared`
     *      and ends coarsening on L for good. One limit: the hook of lock() runs after lock() returns, so a first
     *      such use may come after t's check. The detector already takes the object's monitor and its lock as one
     *      clock, though they do not exclude each other; a merge then widens that approximation by one section);
     *  (2) t recorded no access (ThreadState.recording on every recorded access, which also uses the clock). The
     *      invariant: while `exited` is set, no history holds epoch (t, T+1). A history gets (t, x) only from an
     *      access t records in epoch x, which clears `exited`; after a merge t enters T+1 again with that still
     *      true. So every access in the gap misses the same-epoch checks (which compare with the epoch) and is
     *      recorded;
     *  (3) t's clock was not used (ThreadState.behind still set: every use goes through ThreadState.vc(), which
     *      applies the tick and clears it): no other release or acquire, no copy handed to a new thread or task.
     * Then nobody has seen time T+1 of t: no clock holds it, and only R1 carried time T, into L, where no one but
     * t looked. The detector's clocks after A2 are then exactly those of the execution in which R1 and A2 never
     * happened (one longer critical section), which is an execution the memory model allows and in which the
     * happens-before order between every two accesses of the program is the same: R1's only edges go to later
     * acquires of L, which all come after t's next release and learn T from it. FastTrack is exact for
     * happens-before, so it reports the same races. The merged section still ends in a real release. A thread
     * that ends a tick behind is joined with time T: it made no access in T+1, so that covers all it did.
     */

    /** After {@code MONITORENTER} and at the start of a synchronized method. */
    public static void monitorEnter(Object lock) {
        Session s = Tracker.on ? Tracker.session : null;
        if (s != null && lock != null) {
            enter(s, state(s), lock);
        }
    }

    /** After {@code MONITORENTER}, in a method that keeps the thread's {@code state} (see {@link #here}). */
    public static void monitorEnter(Object lock, Object state) {
        ThreadState ts = usable(state);
        if (ts == null) {
            monitorEnter(lock);
        } else if (lock != null) {
            enter(ts.session, ts, lock);
        }
    }

    private static void enter(Session s, ThreadState ts, Object lock) {
        SyncVar v = sync(s, ts, lock);
        if (ts.exited == v && v.coarsens(ts.vc) && ts.reenter(v)) { // the clock's identity only: not a use
            return;
        }
        ts.exited = null;
        v.monitorAcquire(ts.vc());
    }

    /** Before {@code MONITOREXIT} and at each exit of a synchronized method. */
    public static void monitorExit(Object lock) {
        Session s = Tracker.on ? Tracker.session : null;
        if (s != null && lock != null) {
            exit(s, state(s), lock);
        }
    }

    /** Before {@code MONITOREXIT}, in a method that keeps the thread's {@code state} (see {@link #here}). */
    public static void monitorExit(Object lock, Object state) {
        ThreadState ts = usable(state);
        if (ts == null) {
            monitorExit(lock);
        } else if (lock != null) {
            exit(ts.session, ts, lock);
        }
    }

    private static void exit(Session s, ThreadState ts, Object lock) {
        SyncVar v = sync(s, ts, lock);
        long version = ts.vc().version();
        if (ts.joinedInto != v || ts.joinedVersion != version) {
            v.monitorRelease(ts.vc());
            ts.joinedInto = v;
            ts.joinedVersion = version;
        }
        ts.exit(v);
    }

    /**
     * At the start of a static initializer: what it writes is published by class initialization, which
     * happens before any other thread uses the class, so its accesses are not recorded.
     */
    public static void clinitEnter() {
        Session s = Tracker.on ? Tracker.session : null;
        if (s != null) {
            state(s).clinit++;
        }
    }

    /** At the end of a static initializer. */
    public static void clinitExit() {
        Session s = Tracker.on ? Tracker.session : null;
        if (s != null) {
            ThreadState ts = state(s);
            ts.clinit = Math.max(0, ts.clinit - 1);
        }
    }

    /**
     * At the start of a JShell snippet ({@code do_it$}). JShell runs snippets one after another, each on a
     * thread of its own that the JDK starts and waits for; this edge orders each snippet after the last.
     */
    public static void cellEnter() {
        Session s = Tracker.on ? Tracker.session : null;
        if (s != null) {
            s.cells.acquire(state(s).vc());
        }
    }

    /** At the end of a JShell snippet. */
    public static void cellExit() {
        Session s = Tracker.on ? Tracker.session : null;
        if (s != null) {
            ThreadState ts = state(s);
            s.cells.release(ts.vc());
            ts.tick();
        }
    }

    // ---- calls ----

    /** Before a modelled call; {@code recv} is the receiver (or the first argument of a static call). */
    public static void callBefore(Object recv, int siteId) {
        Session s = Tracker.on ? Tracker.session : null;
        if (s == null || recv == null) {
            return;
        }
        Site site = Sites.get(siteId);
        int fl = site.flags;
        ThreadState ts = state(s);
        if ((fl & CallSpec.COLLECTION) != 0) {
            int kind = COLLECTION_KIND.get(recv.getClass());
            if (kind == UNSAFE) {
                if (ts.clinit > 0) {
                    return;
                }
                boolean write = (fl & CallSpec.WRITES) != 0;
                Shadow sh = shadow(s, ts, recv, -1);
                if (FastTrack.sameEpoch(sh, 0, write, ts.epoch)) {
                    return;
                }
                ts.recording();
                Conflict c = FastTrack.access(sh, 0, write, ts.tid, ts.vc(), siteId);
                ts.info.noteSite(siteId);
                if (c != null && s.log.isNew(siteId, c.previousSite())) {
                    report(s, ts, c, siteId, write, Names.typeName(recv.getClass().getName()), "collection");
                }
            } else if (kind == SYNCED) {
                sync(s, ts, recv).release(ts.vc());
                ts.tick();
            }
            return;
        }
        if ((fl & CallSpec.THREAD_START) != 0) {
            if (recv instanceof Thread t && t.getState() == Thread.State.NEW) {
                s.pending.put(t, new Session.StartInfo(ts.vc().copy(), new Throwable()));
                s.noteThread(t);
                ts.tick();
            }
            return;
        }
        if ((fl & CallSpec.RELEASE) != 0) {
            sync(s, ts, recv).release(ts.vc());
            if (recv instanceof CyclicBarrier) {
                s.callbacks.release(ts.vc());
            }
        }
        if ((fl & CallSpec.RELEASE_READ) != 0) {
            sync(s, ts, recv).releaseRead(ts.vc());
        }
        ts.tick();
    }

    /**
     * Before a call that may hand work to fork/join workers (a stream operation, {@code fork}, {@code invoke},
     * {@code invokeAll}, a {@code ForkJoinPool} method): the caller's past happens before what workers do next.
     */
    public static void forkJoinBefore() {
        Session s = Tracker.on ? Tracker.session : null;
        if (s != null) {
            ThreadState ts = state(s);
            s.forkJoinSubmit.release(ts.vc());
            ts.tick();
        }
    }

    /** After such a call: what workers did in tasks and stream functions happens before the call returns. */
    public static void forkJoinAfter() {
        Session s = Tracker.on ? Tracker.session : null;
        if (s != null) {
            s.forkJoinDone.acquire(state(s).vc());
        }
    }

    /** At the start of a lambda body or a fork/join task's {@code compute}, on a fork/join worker. */
    public static void workerEnter() {
        Session s = Tracker.on ? Tracker.session : null;
        if (s != null && Thread.currentThread() instanceof java.util.concurrent.ForkJoinWorkerThread) {
            s.forkJoinSubmit.acquire(state(s).vc());
        }
    }

    /** At every exit of a lambda body or a fork/join task's {@code compute}, on a fork/join worker. */
    public static void workerExit() {
        Session s = Tracker.on ? Tracker.session : null;
        if (s != null && Thread.currentThread() instanceof java.util.concurrent.ForkJoinWorkerThread) {
            ThreadState ts = state(s);
            s.forkJoinDone.release(ts.vc());
            ts.tick();
        }
    }

    /**
     * Before {@code java.util.Timer.schedule...(task, ...)}: what the caller did so far happens before the task
     * runs (the timer takes the task from its queue under the lock that {@code schedule} takes to put it there).
     */
    public static void timerSchedules(Object task) {
        Session s = Tracker.on ? Tracker.session : null;
        if (s != null && task != null) {
            ThreadState ts = state(s);
            sync(s, ts, task).release(ts.vc());
            ts.tick();
        }
    }

    /**
     * At the start of a {@code Flow.Subscriber} method ({@code onSubscribe}, {@code onNext}, {@code onError},
     * {@code onComplete}): it sees what was done before each item or signal was published to it (the promise of
     * {@code SubmissionPublisher}: over-approximated by everything published so far) and what its own earlier
     * methods did (the promise of {@code Flow.Publisher}: a subscription's calls are ordered).
     */
    public static void subscriberEnter(Object subscriber) {
        Session s = Tracker.on ? Tracker.session : null;
        if (s != null && subscriber != null) {
            ThreadState ts = state(s);
            SyncVar publisher = s.publishers.get(subscriber);
            if (publisher != null) {
                publisher.acquire(ts.vc());
            }
            sync(s, ts, subscriber).acquire(ts.vc());
        }
    }

    /** At each exit of a {@code Flow.Subscriber} method: what it did happens before the subscriber's next call. */
    public static void subscriberExit(Object subscriber) {
        Session s = Tracker.on ? Tracker.session : null;
        if (s != null && subscriber != null) {
            ThreadState ts = state(s);
            sync(s, ts, subscriber).release(ts.vc());
            ts.tick();
        }
    }

    /** At the start of a {@code TimerTask}'s {@code run()}: it sees what was done before it was scheduled. */
    public static void timerTaskRuns(Object task) {
        Session s = Tracker.on ? Tracker.session : null;
        if (s != null) {
            ThreadState ts = state(s);
            sync(s, ts, task).acquire(ts.vc());
        }
    }

    /** After {@code Thread.interrupted()}: the current thread learns of interrupts (JLS 17.4.4). */
    public static void interruptedChecked() {
        Session s = Tracker.on ? Tracker.session : null;
        if (s != null) {
            s.sync(Thread.currentThread()).acquire(state(s).vc());
        }
    }

    /** After a modelled call. */
    public static void callAfter(Object recv, int siteId) {
        Session s = Tracker.on ? Tracker.session : null;
        if (s == null || recv == null) {
            return;
        }
        after(s, state(s), recv, Sites.get(siteId).flags);
    }

    private static void after(Session s, ThreadState ts, Object recv, int fl) {
        if ((fl & CallSpec.CONFINED) != 0) {
            // a ThreadLocal's value belongs to this thread: the pool tasks that ran here before reached it in order
            SyncVar here = s.confinement.get(Thread.currentThread());
            if (here != null) {
                here.acquire(ts.vc());
            }
            return;
        }
        if ((fl & CallSpec.COLLECTION) != 0) {
            if (COLLECTION_KIND.get(recv.getClass()) == SYNCED) {
                sync(s, ts, recv).acquire(ts.vc());
            }
            return;
        }
        if ((fl & CallSpec.THREAD_JOIN) != 0) {
            if (recv instanceof Thread t && !t.isAlive()) {
                ThreadState other = s.threads.get(t);
                if (other != null && other != ts) {
                    ts.vc().join(other.vc);
                    synchronized (other) {
                        if (!other.retired) {
                            other.retired = true;
                            s.retire(other.tid, other.vc.get(other.tid));
                        }
                    }
                }
            }
            return;
        }
        if ((fl & CallSpec.ACQUIRE) != 0) {
            sync(s, ts, recv).acquire(ts.vc());
            if (recv instanceof CyclicBarrier) {
                s.callbacks.acquire(ts.vc());
            }
        }
        if ((fl & CallSpec.ACQUIRE_READ) != 0) {
            sync(s, ts, recv).acquireRead(ts.vc());
        }
    }

    /** After a modelled call whose result takes part in synchronization (a lock's read side, a future). */
    public static void callResult(Object result, Object recv, int siteId) {
        Session s = Tracker.on ? Tracker.session : null;
        if (s == null) {
            return;
        }
        ThreadState ts = state(s);
        int fl = Sites.get(siteId).flags;
        SyncVar task = ts.lastTask;
        ts.lastTask = null;
        if (result instanceof Thread t) {
            s.noteThread(t);
        } else if (result != null) {
            if ((fl & CallSpec.TASK_RESULT) != 0 && task != null) {
                s.syncs.put(result, task);
            } else if ((fl & CallSpec.ALIAS_SAME) != 0 && recv != null) {
                s.syncs.put(result, s.sync(recv));
            } else if ((fl & CallSpec.ALIAS_READ) != 0 && recv != null) {
                s.syncs.put(result, new SyncVar.ReadSide(s.sync(recv)));
            } else if ((fl & CallSpec.ALIAS_WRITE) != 0 && recv != null) {
                s.syncs.put(result, new SyncVar.WriteSide(s.sync(recv)));
            } else if ((fl & CallSpec.ALIAS_ALL) != 0 && recv instanceof Object[] parts) {
                SyncVar[] vars = new SyncVar[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    vars[i] = parts[i] == null ? new SyncVar() : s.sync(parts[i]);
                }
                s.syncs.put(result, new SyncVar.AllOf(vars));
            }
        }
        if (recv != null) {
            after(s, ts, recv, fl);
        }
    }

    /**
     * Wraps a task handed to the JDK (a thread, an executor, a future's stage) so that what the caller did
     * before happens before the task, and the task happens before whoever waits for it.
     */
    public static Object wrap(Object task, Object recv, int siteId, int kind) {
        Session s = Tracker.on ? Tracker.session : null;
        if (s == null || task == null || task instanceof Tasks.Tracked) {
            return task;
        }
        ThreadState ts = state(s);
        if (kind == CallSpec.WRAP_SUBSCRIBER) {
            if (recv != null) {
                s.publishers.put(task, sync(s, ts, recv));
            }
            return task;
        }
        if (CallSpec.isLockedCallback(kind)) {
            if (!runsCallbacksLocked(recv, Sites.get(siteId).name)) {
                return task; // run in the caller with no lock: the function's accesses are ordinary ones
            }
            return Tasks.locked(sync(s, ts, recv), task, kind);
        }
        if (kind == CallSpec.WRAP_CALLABLES) {
            if (!(task instanceof Collection<?> c)) {
                return task;
            }
            List<Object> out = new ArrayList<>(c.size());
            for (Object o : c) {
                out.add(o instanceof Callable<?> k && !(o instanceof Tasks.Tracked)
                        ? new Tasks.TrackedCallable<>(edges(s, ts, recv, o, siteId), k) : o);
            }
            return out;
        }
        Tasks.Edges e = edges(s, ts, recv, task, siteId);
        ts.lastTask = e.done;
        return switch (kind) {
            case CallSpec.WRAP_RUNNABLE -> new Tasks.TrackedRunnable(e, (Runnable) task);
            case CallSpec.WRAP_CALLABLE -> new Tasks.TrackedCallable<>(e, (Callable<?>) task);
            case CallSpec.WRAP_SUPPLIER -> new Tasks.TrackedSupplier<>(e, (Supplier<?>) task);
            case CallSpec.WRAP_FUNCTION -> new Tasks.TrackedFunction<>(e, (Function<?, ?>) task);
            case CallSpec.WRAP_BIFUNCTION -> new Tasks.TrackedBiFunction<>(e, (BiFunction<?, ?, ?>) task);
            case CallSpec.WRAP_CONSUMER -> new Tasks.TrackedConsumer<>(e, (Consumer<?>) task);
            case CallSpec.WRAP_BICONSUMER -> new Tasks.TrackedBiConsumer<>(e, (BiConsumer<?, ?>) task);
            default -> task;
        };
    }

    /**
     * Whether {@code recv}'s method {@code name} runs its function argument while holding a lock that the same
     * calls on {@code recv} take. {@link ConcurrentHashMap} does so for {@code compute}, {@code computeIfAbsent},
     * {@code computeIfPresent} and {@code merge} (its documentation: "the entire method invocation is performed
     * atomically"), not for {@code forEach}; so does {@code Properties}, which hands these calls to one.
     * {@code CopyOnWriteArrayList} (and {@code CopyOnWriteArraySet}) does so for {@code removeIf}, {@code replaceAll}
     * and {@code sort}, not {@code forEach}. {@code Vector}, {@code Hashtable} and the
     * {@code Collections.synchronized...} wrappers do so for every such method ({@code forEach}, {@code removeIf},
     * {@code replaceAll}, {@code sort} too: they are {@code synchronized}). Not {@code ConcurrentSkipListMap},
     * whose function may run more than once and unlocked, nor plain collections.
     */
    static boolean runsCallbacksLocked(Object recv, String name) {
        if (recv instanceof ConcurrentHashMap<?, ?> || recv instanceof java.util.Properties) {
            return name.startsWith("compute") || name.equals("merge"); // Properties delegates to a ConcurrentHashMap
        }
        if (recv instanceof java.util.concurrent.CopyOnWriteArrayList<?>
                || recv instanceof java.util.concurrent.CopyOnWriteArraySet<?>) {
            return !name.equals("forEach"); // removeIf, replaceAll and sort run under its lock; forEach reads a snapshot
        }
        return recv instanceof java.util.Hashtable<?, ?> || recv instanceof java.util.Vector<?>
                || recv != null && recv.getClass().getName().startsWith("java.util.Collections$Synchronized");
    }

    /**
     * At the start of a function that a collection runs under its lock ({@link #runsCallbacksLocked}): it sees what
     * every earlier such function, and every earlier update of the collection, did. Runs inside that lock, so the
     * order of these hooks is the order of the lock.
     */
    static void lockedCallbackBegin(SyncVar v) {
        Session s = Tracker.on ? Tracker.session : null;
        if (s != null) {
            v.acquire(state(s).vc());
        }
    }

    /** At the end of such a function, still inside the lock: what it did happens before the next one. */
    static void lockedCallbackEnd(SyncVar v) {
        Session s = Tracker.on ? Tracker.session : null;
        if (s != null) {
            ThreadState ts = state(s);
            v.release(ts.vc());
            ts.tick();
        }
    }

    /** JDK methods that hand a task to another thread or to a later time (others run their argument as a callback). */
    private static final Set<String> SUBMISSIONS = Set.of("submit", "execute", "schedule", "scheduleAtFixedRate",
            "scheduleWithFixedDelay", "invokeAll", "invokeAny", "fork", "runAsync", "supplyAsync", "newThread");

    private static Tasks.Edges edges(Session s, ThreadState ts, Object recv, Object task, int siteId) {
        Site site = Sites.get(siteId);
        boolean thread = site.owner.startsWith("java/lang/Thread");
        boolean stage = site.owner.equals("java/util/concurrent/CompletableFuture")
                || site.owner.equals("java/util/concurrent/CompletionStage");
        boolean callback = !thread && !stage && !SUBMISSIONS.contains(site.name);
        VectorClock start = ts.vc().copy();
        ts.tick();
        Object from = recv instanceof CompletionStage<?> ? recv : null;
        Object to = recv instanceof ExecutorService
                || (recv != null && recv.getClass().getName().contains("StructuredTaskScope")) ? recv : null;
        return new Tasks.Edges(s, start, from, to, task instanceof Future<?> ? task : null,
                !thread && !callback && !sequential(recv), callback);
    }

    /** Returns whether {@code executor} runs its tasks one after another on one thread. */
    private static boolean sequential(Object executor) {
        if (executor instanceof ThreadPoolExecutor tpe) {
            return tpe.getMaximumPoolSize() == 1;
        }
        if (executor instanceof ForkJoinPool fj) {
            return fj.getParallelism() == 1;
        }
        return executor != null && executor.getClass().getName().contains("Delegated");
    }

    private static final Object NO_STATE = new Object();

    /**
     * Runs the start of a wrapped task on the thread that runs it. A task run by a pool gets a logical
     * thread of its own (tasks that share a worker thread are not ordered by it, as goroutines are not),
     * for the first {@link Session#MAX_LOGICAL_TASKS} tasks of a session, which bounds the size of vector
     * clocks; a later task, a task run inline by its creator, or one run by a one-thread executor runs as
     * part of the thread that runs it.
     * Returns what {@link #taskEnd} must restore.
     */
    static Object taskBegin(Tasks.Edges e) {
        Session s = Tracker.on ? Tracker.session : null;
        if (s == null || s != e.session) {
            return null;
        }
        Object saved = null;
        ThreadState ts;
        if (e.ownThread && e.creator != Thread.currentThread()
                && s.logicalTasks.incrementAndGet() <= Session.MAX_LOGICAL_TASKS) {
            ThreadState prev = STATE.get();
            saved = prev == null ? NO_STATE : prev;
            ts = new ThreadState(s, e.start.copy(), e.where);
            ts.started = true;
            ts.info.bind(Thread.currentThread());
            ts.info.markTask();
            STATE.set(ts);
            cacheState(ts);
        } else {
            ts = state(s);
            ts.vc().join(e.start);
        }
        if (e.callback) {
            s.callbacks.acquire(ts.vc());
        }
        if (e.acquireFrom != null) {
            s.sync(e.acquireFrom).acquire(ts.vc());
        }
        return saved;
    }

    /** Runs the end of a wrapped task on the thread that ran it. */
    static void taskEnd(Tasks.Edges e, Object saved) {
        Session s = Tracker.on ? Tracker.session : null;
        if (s != null && s == e.session) {
            ThreadState ts = state(s);
            e.done.release(ts.vc());
            if (e.callback) {
                s.callbacks.release(ts.vc());
            }
            if (e.releaseTo != null) {
                s.sync(e.releaseTo).release(ts.vc());
            }
            if (e.future != null) {
                s.sync(e.future).release(ts.vc());
            }
            if (saved != null) {
                // the next task on this thread that reaches a ThreadLocal value sees what this one did to it
                s.confinement.computeIfAbsent(Thread.currentThread(), k -> new SyncVar()).release(ts.vc());
                s.retire(ts.tid, ts.vc().get(ts.tid));
            }
            ts.tick();
        }
        if (saved != null) {
            STATE.set(saved == NO_STATE ? null : (ThreadState) saved);
            cacheState(null);
        }
    }
}
