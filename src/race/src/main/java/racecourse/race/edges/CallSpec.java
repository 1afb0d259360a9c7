package racecourse.race.edges;

/**
 * The effects of an instrumented call, as bit flags decided at instrumentation time from the called
 * method's owner, name and descriptor. Thread-safe (constants).
 */
public final class CallSpec {
    /** Release the receiver's clock before the call (unlock, put, countDown, set...). */
    public static final int RELEASE = 1;
    /** Acquire the receiver's clock after the call (lock, take, await, get...). */
    public static final int ACQUIRE = 1 << 1;
    /** Release into the read side of a read/write lock. */
    public static final int RELEASE_READ = 1 << 2;
    /** Acquire as a reader: only what writers released. */
    public static final int ACQUIRE_READ = 1 << 3;
    /** A method of a java.util collection: a read or write if the receiver is thread-unsafe. */
    public static final int COLLECTION = 1 << 4;
    /** With {@link #COLLECTION}: the method changes the collection. */
    public static final int WRITES = 1 << 5;
    /** {@code Thread.start}: the started thread sees everything before it. */
    public static final int THREAD_START = 1 << 6;
    /** {@code Thread.join}: everything the thread did is seen after it. */
    public static final int THREAD_JOIN = 1 << 7;
    /** The returned object shares the receiver's clock ({@code newCondition}). */
    public static final int ALIAS_SAME = 1 << 8;
    /** The returned object is the read side of the receiver ({@code readLock()}). */
    public static final int ALIAS_READ = 1 << 9;
    /** The returned object is the write side of the receiver ({@code writeLock()}). */
    public static final int ALIAS_WRITE = 1 << 10;
    /** The returned object completes when all the futures in the first argument do ({@code allOf}). */
    public static final int ALIAS_ALL = 1 << 11;
    /** The returned object is the future of a task wrapped at this call. */
    public static final int TASK_RESULT = 1 << 12;
    /** Flags that need the returned value. */
    public static final int NEEDS_RESULT = ALIAS_SAME | ALIAS_READ | ALIAS_WRITE | ALIAS_ALL | TASK_RESULT;
    /** Flags handled after the call. */
    /**
     * A {@code ThreadLocal}'s {@code get}, {@code set} or {@code remove}: the thread's own value, so what earlier
     * pool tasks on the same thread did happens before (a value confined to a thread is not shared by its tasks).
     */
    public static final int CONFINED = 1 << 13;
    public static final int AFTER = ACQUIRE | ACQUIRE_READ | THREAD_JOIN | NEEDS_RESULT | CONFINED;
    /** Flags handled before the call. */
    public static final int BEFORE = RELEASE | RELEASE_READ | COLLECTION | THREAD_START;

    /** Wrap kind: {@link Runnable}. */
    public static final int WRAP_RUNNABLE = 1;
    /** Wrap kind: {@link java.util.concurrent.Callable}. */
    public static final int WRAP_CALLABLE = 2;
    /** Wrap kind: {@link java.util.function.Supplier}. */
    public static final int WRAP_SUPPLIER = 3;
    /** Wrap kind: {@link java.util.function.Function}. */
    public static final int WRAP_FUNCTION = 4;
    /** Wrap kind: {@link java.util.function.BiFunction}. */
    public static final int WRAP_BIFUNCTION = 5;
    /** Wrap kind: {@link java.util.function.Consumer}. */
    public static final int WRAP_CONSUMER = 6;
    /** Wrap kind: {@link java.util.function.BiConsumer}. */
    public static final int WRAP_BICONSUMER = 7;
    /** Wrap kind: a collection of callables ({@code invokeAll}). */
    public static final int WRAP_CALLABLES = 8;
    /**
     * Wrap kind: a {@link java.util.function.Function} that the receiver may run while holding its own lock
     * ({@code computeIfAbsent} of a map that locks: {@link Hooks#runsCallbacksLocked}).
     */
    public static final int WRAP_LOCKED_FUNCTION = 9;
    /** Wrap kind: the same for a {@link java.util.function.BiFunction} ({@code compute}, {@code merge}, {@code replaceAll}). */
    public static final int WRAP_LOCKED_BIFUNCTION = 10;
    /** Wrap kind: the same for a {@link java.util.function.Consumer} ({@code forEach}). */
    public static final int WRAP_LOCKED_CONSUMER = 11;
    /** Wrap kind: the same for a {@link java.util.function.BiConsumer} (a map's {@code forEach}). */
    public static final int WRAP_LOCKED_BICONSUMER = 12;
    /** Wrap kind: the same for a {@link java.util.function.Predicate} ({@code removeIf}). */
    public static final int WRAP_LOCKED_PREDICATE = 13;
    /** Wrap kind: the same for a {@link java.util.function.UnaryOperator} (a list's {@code replaceAll}). */
    public static final int WRAP_LOCKED_UNARY = 14;
    /** Wrap kind: the same for a {@link java.util.Comparator} ({@code sort}). */
    public static final int WRAP_LOCKED_COMPARATOR = 15;

    /**
     * Wrap kind: a {@code Flow.Subscriber} given to a publisher's {@code subscribe}; it is not wrapped, only noted
     * as the publisher's.
     */
    public static final int WRAP_SUBSCRIBER = 16;

    /** Whether a wrap kind is one of the callbacks a receiver may run under its lock. */
    public static boolean isLockedCallback(int kind) {
        return kind >= WRAP_LOCKED_FUNCTION && kind <= WRAP_LOCKED_COMPARATOR;
    }

    private CallSpec() {
    }
}
