package racecourse.explore.sched;

/**
 * One visible step a controlled thread is about to take: what it does ({@code kind}), to what ({@code target},
 * and {@code key}: a field, an array index, or -1 for the whole object) and where in the source ({@code site}).
 * Two steps of different threads are dependent when swapping them could change what the program computes.
 * Immutable, so thread-safe.
 *
 * @param kind   one of the constants of this class
 * @param target the object touched (null for a static field, whose {@code key} then names it)
 * @param key    the field key, array index, or -1
 * @param site   the source site ({@link Sites})
 */
public record Op(int kind, Object target, int key, int site) {
    /** A read of memory. */
    public static final int READ = 0;
    /** A write (or read-modify-write) of memory. */
    public static final int WRITE = 1;
    /** A synchronization step on {@code target} (lock, unlock, wait, notify, start, join, park, ...). */
    public static final int SYNC = 2;
    /** A step that touches nothing shared (yield, sleep, spin hint). */
    public static final int LOCAL = 3;
    /** A step that may touch anything (an unmodelled library call). */
    public static final int GLOBAL = 4;
    /** The start of a thread's body: run silently before any choice. */
    public static final int BEGIN = 5;
    /**
     * The end of the program: every non-daemon thread has finished and the JVM exits, cutting off each daemon
     * thread's remaining steps. It disables them all, so it is dependent with every step.
     */
    public static final int END = 6;

    /**
     * The key of a bulk array operation ({@code Arrays.fill}, {@code System.arraycopy}, ...): some range of the
     * array's elements, so dependent with every access to an element of the same array.
     */
    public static final int RANGE = -2;

    /** The step every new thread starts with. */
    public static final Op BEGIN_OP = new Op(BEGIN, null, -1, Sites.NONE);
    /** The step that ends the program ({@link #END}). */
    public static final Op END_OP = new Op(END, null, -1, Sites.NONE);

    /** Whether this step and {@code other} (of another thread) may not commute. */
    public boolean dependent(Op other) {
        if (kind == END || other.kind == END) return true;
        if (kind == LOCAL || other.kind == LOCAL || kind == BEGIN || other.kind == BEGIN) return false;
        if (kind == GLOBAL || other.kind == GLOBAL) return true;
        if (target != other.target) return false;
        boolean memory = kind <= WRITE;
        boolean otherMemory = other.kind <= WRITE;
        if (memory && otherMemory) {
            return (key == other.key || key == RANGE || other.key == RANGE) && (kind == WRITE || other.kind == WRITE);
        }
        return memory == otherMemory;
    }

    /** Whether this step can change shared state. */
    public boolean writes() {
        return kind == WRITE || kind == SYNC || kind == GLOBAL;
    }
}
