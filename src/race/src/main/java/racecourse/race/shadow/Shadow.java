package racecourse.race.shadow;

import java.util.Arrays;

/**
 * The access history of one object's tracked variables: its fields, its array elements, or (for a
 * thread-unsafe collection) the collection as a whole.
 *
 * <p>Each variable has a slot of three longs: the last write's epoch, the last read's epoch (or
 * {@link racecourse.race.clock.Epochs#SHARED}), and the two access site ids. An array's elements are kept in
 * {@link Chunk}s of {@value #CHUNK} elements, made at the first access to one of their elements; a chunk whose
 * elements were filled in order with one history (a sweep by one thread in one epoch) keeps that history once.
 * Thread-safe: changes happen while holding this object's monitor; the same-epoch checks read without it.
 */
public final class Shadow {
    /** Log2 of the number of elements in a chunk of an array's history. */
    public static final int CHUNK_BITS = 10;
    /** The number of elements in a chunk of an array's history. */
    public static final int CHUNK = 1 << CHUNK_BITS;

    /** Shared by every new history: {@link #slot} replaces them with copies before anything is stored. */
    private static final int[] NO_IDS = new int[0];
    private static final long[] NO_STATE = new long[0];
    /** The id of a slot made in advance and not used yet (no field has it). */
    private static final int FREE = -1;

    /** Field ids in slot order, or null for an array, whose slot is the element index. */
    int[] ids;
    /** The array's length, or -1 for an object's fields. */
    public final int length;
    /** An array's chunks, null until an element of the chunk is accessed; null for fields. Guarded by this. */
    public final Chunk[] chunks;
    /** Room for one element's three longs while a chunk is updated, made at first need. */
    long[] scratch; // guarded by this
    long[] state; // guarded by this (writes)
    Object[] shared; // guarded by this; a ReadSet per slot in shared-read mode
    /** The tracking session this history belongs to (histories kept in objects outlive sessions). */
    public final Object session;
    /** The clock of the object as a lock or volatile holder, when kept here; guarded by this. */
    public volatile Object sync;

    private Shadow(Object session, int[] ids, long[] state, int length) {
        this.session = session;
        this.ids = ids;
        this.state = state;
        this.length = length;
        this.chunks = length < 0 ? null : new Chunk[(length + CHUNK - 1) >>> CHUNK_BITS];
    }

    /**
     * The history of up to {@value #CHUNK} consecutive elements of an array. While {@link #expanded} is null the
     * chunk is uniform: its first {@link #prefix} elements all have the history ({@link #w}, {@link #r},
     * {@link #sites}) and the others none. The first access that breaks this (another history, an element out
     * of order, reads by unordered threads) gives every element its own three longs.
     *
     * <p>Thread-safe: changes hold the shadow's monitor, except that the thread whose epoch the uniform history
     * carries may add the next element with a compare-and-set of {@link #prefix} ({@link #extend}); a holder of
     * the monitor first sets the prefix to {@link #FROZEN} ({@link #freeze}), which makes that fail.
     */
    public static final class Chunk {
        /** The prefix while a holder of the monitor changes the chunk, and for good once it is expanded. */
        public static final int FROZEN = -1;
        private static final java.lang.invoke.VarHandle PREFIX;

        static {
            try {
                PREFIX = java.lang.invoke.MethodHandles.lookup().findVarHandle(Chunk.class, "prefix", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        /** The last write's epoch of the uniform elements. */
        public long w; // guarded by the shadow's monitor (writes)
        /** The last read's epoch of the uniform elements (never SHARED). */
        public long r; // guarded by the shadow's monitor (writes)
        /** The two access sites of the uniform elements (write site in the high half). */
        public long sites; // guarded by the shadow's monitor (writes)
        /** How many elements, from the chunk's first, have the uniform history; {@link #FROZEN} while changed. */
        public volatile int prefix;
        /** Three longs per element once the chunk is not uniform, else null. */
        public volatile long[] expanded;

        /**
         * Adds element {@code index} (the first past the prefix) to the uniform elements, if nobody changed the
         * chunk since the caller read the prefix. Only for the thread whose epoch the uniform history carries.
         */
        public boolean extend(int index) {
            return PREFIX.compareAndSet(this, index, index + 1);
        }

        /**
         * Adds elements {@code index} (the first past the prefix) to {@code end - 1} to the uniform elements, as
         * {@link #extend} does one, if nobody changed the chunk since the caller read the prefix.
         */
        public boolean extendTo(int index, int end) {
            return PREFIX.compareAndSet(this, index, end);
        }

        /** Stops {@link #extend} and returns the prefix it had. Caller holds the shadow's monitor. */
        int freeze() {
            while (true) {
                int p = prefix;
                if (p == FROZEN || PREFIX.compareAndSet(this, p, FROZEN)) {
                    return p;
                }
            }
        }
    }

    /** Creates the history of an object with named variables (fields, or one collection variable). */
    public static Shadow forFields(Object session) {
        return new Shadow(session, NO_IDS, NO_STATE, -1);
    }

    /**
     * Creates the history of an object whose class has {@code capacity} fields that may be tracked: the room for
     * them is made at once (free slots hold id -1), so the first accesses to each field allocate nothing.
     */
    public static Shadow forFields(Object session, int capacity) {
        if (capacity <= 0) {
            return forFields(session);
        }
        int[] ids = new int[capacity];
        Arrays.fill(ids, FREE);
        return new Shadow(session, ids, new long[3 * capacity], -1);
    }

    /** Creates the history of an array with {@code length} elements. */
    public static Shadow forArray(Object session, int length) {
        return new Shadow(session, null, NO_STATE, length);
    }

    /** Returns the current slot array (three longs per variable), for the lock-free same-epoch check. */
    public long[] state() {
        return state;
    }

    /** Returns the slot of field {@code fid} without adding it, or -1 (no lock needed). */
    int peekSlot(int fid) {
        int[] ids = this.ids;
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == fid) {
                return i;
            }
        }
        return -1;
    }

    /** Returns the slot of field {@code fid}, adding one. Caller holds this monitor. */
    int slot(int fid) {
        int s = peekSlot(fid);
        if (s >= 0) {
            return s;
        }
        int[] current = ids;
        for (int i = 0; i < current.length; i++) {
            if (current[i] == FREE) {
                current[i] = fid; // its three longs are still zero
                return i;
            }
        }
        int n = ids.length;
        long[] st = Arrays.copyOf(state, 3 * (n + 1));
        int[] newIds = Arrays.copyOf(ids, n + 1);
        newIds[n] = fid;
        if (shared != null) {
            shared = Arrays.copyOf(shared, n + 1);
        }
        state = st;
        ids = newIds;
        return n;
    }
}
