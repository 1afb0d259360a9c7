package racecourse.race.instrument;

import static racecourse.race.edges.CallSpec.ACQUIRE;
import static racecourse.race.edges.CallSpec.ACQUIRE_READ;
import static racecourse.race.edges.CallSpec.ALIAS_ALL;
import static racecourse.race.edges.CallSpec.ALIAS_READ;
import static racecourse.race.edges.CallSpec.ALIAS_SAME;
import static racecourse.race.edges.CallSpec.ALIAS_WRITE;
import static racecourse.race.edges.CallSpec.COLLECTION;
import static racecourse.race.edges.CallSpec.CONFINED;
import static racecourse.race.edges.CallSpec.RELEASE;
import static racecourse.race.edges.CallSpec.RELEASE_READ;
import static racecourse.race.edges.CallSpec.TASK_RESULT;
import static racecourse.race.edges.CallSpec.THREAD_JOIN;
import static racecourse.race.edges.CallSpec.THREAD_START;
import static racecourse.race.edges.CallSpec.WRITES;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import racecourse.race.edges.CallSpec;

/**
 * What a library call means, decided from its symbolic reference alone, for both instrumentations: for the
 * detector ({@link #classify}), which happens-before edge or access it stands for; for the explorer
 * ({@link #model}), which model of the scheduler replaces it or which step precedes it.
 *
 * <p>The model, in short: every method of a {@code java.util.concurrent} class releases before and
 * acquires after, keyed by the receiver, unless its name says it only does one (unlock, put, countDown,
 * set, complete release; lock, take, get, join, await-termination acquire). Read/write locks keep readers
 * apart. Tasks handed to the JDK are wrapped. Methods of the JDK's thread-unsafe collections are reads
 * or writes of the collection. Thread-safe (stateless).
 */
final class CallRules {
    private static final Set<String> RELEASES = Set.of(
            "unlock", "release", "countDown", "put", "putFirst", "putLast", "offer", "offerFirst", "offerLast",
            "add", "addAll", "addFirst", "addLast", "push", "transfer", "tryTransfer", "complete",
            "completeExceptionally", "obtrudeValue", "obtrudeException", "set", "lazySet", "setRelease",
            "setOpaque", "setPlain", "setVolatile", "arrive", "arriveAndDeregister", "shutdown", "shutdownNow",
            "signal", "signalAll");
    private static final Set<String> ACQUIRES = Set.of(
            "lock", "lockInterruptibly", "tryLock", "acquire", "acquireUninterruptibly", "tryAcquire", "take",
            "takeFirst", "takeLast", "poll", "pollFirst", "pollLast", "peek", "peekFirst", "peekLast", "element",
            "getFirst", "getLast", "drainTo", "get", "getNow", "join", "resultNow", "exceptionNow", "state",
            "getAcquire", "getOpaque", "getPlain", "getVolatile", "awaitTermination", "close", "invokeAll", "invokeAny",
            "awaitAdvance", "awaitAdvanceInterruptibly", "isDone", "getCount", "containsKey", "contains",
            "size", "isEmpty", "getOrDefault", "intValue", "longValue", "availablePermits");
    private static final Set<String> TASK_ONLY = Set.of(
            "submit", "execute", "schedule", "scheduleAtFixedRate", "scheduleWithFixedDelay", "fork",
            "runAsync", "supplyAsync", "newThread");
    private static final Set<String> NOT_SYNC = Set.of(
            "toString", "hashCode", "equals", "getClass", "getQueueLength", "hasQueuedThreads",
            "isHeldByCurrentThread", "getHoldCount", "isLocked", "isFair", "getParties", "getPhase",
            "getRegisteredParties", "isShutdown", "isTerminated");
    private static final Set<String> COLLECTIONS = Set.of(
            "java/util/Map", "java/util/HashMap", "java/util/LinkedHashMap", "java/util/TreeMap",
            "java/util/SortedMap", "java/util/NavigableMap", "java/util/SequencedMap", "java/util/AbstractMap",
            "java/util/List", "java/util/ArrayList", "java/util/LinkedList", "java/util/AbstractList",
            "java/util/SequencedCollection", "java/util/Collection", "java/util/AbstractCollection",
            "java/util/Set", "java/util/HashSet", "java/util/LinkedHashSet", "java/util/TreeSet",
            "java/util/SortedSet", "java/util/NavigableSet", "java/util/SequencedSet", "java/util/Queue",
            "java/util/Deque", "java/util/ArrayDeque", "java/util/PriorityQueue", "java/util/IdentityHashMap",
            "java/util/WeakHashMap", "java/util/EnumMap", "java/util/BitSet", "java/util/Vector",
            "java/util/Hashtable", "java/util/Stack", "java/lang/Iterable", "java/lang/StringBuilder",
            "java/lang/AbstractStringBuilder", "java/lang/StringBuffer");
    private static final Set<String> COLLECTION_WRITES = Set.of(
            "put", "putAll", "putIfAbsent", "remove", "removeIf", "removeAll", "retainAll", "clear", "add",
            "addAll", "set", "replace", "replaceAll", "compute", "computeIfAbsent", "computeIfPresent", "merge",
            "sort", "offer", "offerFirst", "offerLast", "push", "pop", "poll", "pollFirst", "pollLast",
            "pollFirstEntry", "pollLastEntry", "addFirst", "addLast", "removeFirst", "removeLast",
            "removeFirstOccurrence", "removeLastOccurrence", "putFirst", "putLast", "append", "insert", "delete",
            "deleteCharAt", "setLength", "setCharAt", "reverse", "trimToSize", "ensureCapacity", "flip", "and",
            "or", "xor", "andNot", "appendCodePoint", "removeElement", "addElement", "setElementAt");
    private static final Set<String> JOIN_DESCS = Set.of("()V", "(J)V", "(JI)V", "(Ljava/time/Duration;)Z");
    private static final Set<String> WAIT_DESCS = Set.of("()V", "(J)V", "(JI)V");

    /** The JDK's fork/join task classes that user tasks extend. */
    static final Set<String> FORK_JOIN_TASKS = Set.of("java/util/concurrent/RecursiveAction",
            "java/util/concurrent/RecursiveTask", "java/util/concurrent/CountedCompleter",
            "java/util/concurrent/ForkJoinTask");
    /** Names of fork/join task methods that hand work over or wait for it, when called on a user task class. */
    private static final Set<String> FORK_JOIN_METHODS = Set.of("fork", "join", "invoke", "invokeAll",
            "quietlyJoin", "quietlyInvoke");

    private CallRules() {
    }

    /**
     * Returns whether a call may hand work to fork/join workers or wait for it: any stream operation, any
     * method of the fork/join classes, and fork/join-named methods of other classes (a user task's
     * {@code fork()}); modelled by the session's two fork/join clocks (an over-approximation, see docs/race.md).
     */
    static boolean forkJoin(String owner, String name) {
        if (owner.startsWith("java/util/stream/") || owner.equals("java/util/concurrent/ForkJoinPool")
                || FORK_JOIN_TASKS.contains(owner)) {
            return !name.equals("<init>");
        }
        return !owner.startsWith("java/") && !owner.startsWith("javax/") && !owner.startsWith("jdk/")
                && FORK_JOIN_METHODS.contains(name);
    }

    /** Returns the rule for a call, or null when the call is not modelled. */
    static Rule classify(int opcode, String owner, String name, String desc) {
        boolean jdk = owner.startsWith("java/") || owner.startsWith("javax/") || owner.startsWith("jdk/");
        Type[] args = Type.getArgumentTypes(desc);
        int[] wrap = jdk ? wrapKinds(owner, name, args) : null;
        boolean returnsObject = Type.getReturnType(desc).getSort() == Type.OBJECT;
        boolean instance = opcode != Opcodes.INVOKESTATIC;
        int flags = 0;
        if (name.equals("<init>")) {
            return wrap == null ? null : new Rule(0, wrap);
        }
        if (owner.startsWith("java/util/concurrent/")) {
            flags = instance ? concurrent(owner, name, desc, returnsObject) : staticConcurrent(name);
        } else if (owner.equals("java/lang/invoke/VarHandle")) {
            flags = varHandle(name);
        } else if (instance && COLLECTIONS.contains(owner)) {
            flags = COLLECTION | (COLLECTION_WRITES.contains(name) ? WRITES : 0);
        } else if (instance && (owner.equals("java/lang/ThreadLocal") || owner.equals("java/lang/InheritableThreadLocal"))
                && (name.equals("get") || name.equals("set") || name.equals("remove"))) {
            flags = CONFINED;
        } else if (instance && name.equals("start") && desc.equals("()V")) {
            flags = THREAD_START;
        } else if (instance && name.equals("join") && JOIN_DESCS.contains(desc)) {
            flags = THREAD_JOIN;
        } else if (instance && name.equals("isAlive") && desc.equals("()Z")) {
            flags = THREAD_JOIN; // JLS 17.4.4: isAlive() returning false is seen as join
        } else if (instance && name.equals("interrupt") && desc.equals("()V")) {
            flags = RELEASE; // JLS 17.4.4: interrupt happens before the interrupted thread learns of it
        } else if (instance && name.equals("isInterrupted") && desc.equals("()Z")) {
            flags = ACQUIRE;
        } else if (instance && name.equals("wait") && WAIT_DESCS.contains(desc)) {
            flags = RELEASE | ACQUIRE;
        }
        if (wrap != null && returnsObject && !lockedCallbacksOnly(wrap)) {
            flags |= TASK_RESULT;
        }
        return flags == 0 && wrap == null ? null : new Rule(flags, wrap);
    }

    private static int staticConcurrent(String name) {
        return name.equals("allOf") || name.equals("anyOf") ? ALIAS_ALL : 0;
    }

    private static int concurrent(String owner, String name, String desc, boolean returnsObject) {
        if (owner.contains("ThreadLocalRandom") || owner.endsWith("/TimeUnit") || owner.endsWith("/Executors")
                || NOT_SYNC.contains(name)) {
            return 0;
        }
        if (owner.equals("java/util/concurrent/SubmissionPublisher")) {
            // publishing an item or a signal happens before each subscriber's access to it (its documentation);
            // the subscribers' methods acquire (Hooks.subscriberEnter). Lag and demand estimates order nothing.
            return switch (name) {
                case "submit", "offer", "close", "closeExceptionally", "subscribe" -> RELEASE;
                default -> 0;
            };
        }
        if (owner.equals("java/util/concurrent/locks/StampedLock")) {
            return switch (name) {
                case "writeLock", "tryWriteLock", "writeLockInterruptibly", "tryConvertToWriteLock" -> ACQUIRE;
                case "readLock", "tryReadLock", "readLockInterruptibly", "tryOptimisticRead" -> ACQUIRE_READ;
                case "unlockWrite", "tryUnlockWrite" -> RELEASE;
                case "unlockRead", "tryUnlockRead" -> RELEASE_READ;
                case "unlock" -> RELEASE | RELEASE_READ;
                case "validate" -> RELEASE_READ | ACQUIRE_READ;
                case "asReadLock" -> ALIAS_READ;
                case "asWriteLock" -> ALIAS_WRITE;
                case "asReadWriteLock" -> ALIAS_SAME;
                case "tryConvertToReadLock", "tryConvertToOptimisticRead" -> RELEASE | ACQUIRE_READ;
                default -> 0;
            };
        }
        if (returnsObject && name.equals("readLock")) {
            return ALIAS_READ;
        }
        if (returnsObject && name.equals("writeLock")) {
            return ALIAS_WRITE;
        }
        if (name.equals("newCondition")) {
            return ALIAS_SAME;
        }
        if (TASK_ONLY.contains(name)) {
            return 0;
        }
        if (RELEASES.contains(name)) {
            return RELEASE;
        }
        if (ACQUIRES.contains(name)) {
            return ACQUIRE;
        }
        return RELEASE | ACQUIRE;
    }

    private static int varHandle(String name) {
        return switch (name) {
            case "getVolatile", "getAcquire" -> ACQUIRE;
            case "setVolatile", "setRelease" -> RELEASE;
            // plain and opaque modes order nothing (JLS 17.4.4 names volatile accesses only; opaque is coherent
            // per variable but gives no happens-before); plain array accesses are data accesses (ClassInstrumenter)
            case "get", "set", "getOpaque", "setOpaque" -> 0;
            case "withInvokeExactBehavior", "withInvokeBehavior", "hasInvokeExactBehavior", "accessModeType",
                 "varType", "coordinateTypes", "toMethodHandle", "describeConstable", "isAccessModeSupported",
                 "toString", "hashCode", "equals" -> 0;
            default -> RELEASE | ACQUIRE;
        };
    }

    /**
     * Methods of maps and collections that run their function argument, on some receivers while holding the
     * receiver's lock (see {@code Hooks.runsCallbacksLocked}, which decides when the call runs).
     */
    private static final Set<String> LOCKED_CALLBACKS = Set.of("compute", "computeIfAbsent", "computeIfPresent",
            "merge", "forEach", "removeIf", "replaceAll", "sort");

    private static boolean lockedCallbacksOnly(int[] wrap) {
        for (int k : wrap) {
            if (k != 0 && !CallSpec.isLockedCallback(k) && k != CallSpec.WRAP_SUBSCRIBER) {
                return false;
            }
        }
        return true;
    }

    /** Whether a call may be one of {@link #LOCKED_CALLBACKS} on a map or collection of the JDK. */
    private static boolean mayRunLocked(String owner, String name) {
        if (!LOCKED_CALLBACKS.contains(name)) {
            return false;
        }
        if (owner.equals("java/lang/Iterable")) {
            return name.equals("forEach");
        }
        return owner.startsWith("java/util/") && !owner.startsWith("java/util/stream/")
                && !owner.startsWith("java/util/function/") && !owner.equals("java/util/Arrays")
                && !owner.equals("java/util/Collections") && (!owner.startsWith("java/util/concurrent/")
                || owner.equals("java/util/concurrent/ConcurrentMap") || owner.equals("java/util/concurrent/ConcurrentHashMap")
                || owner.startsWith("java/util/concurrent/CopyOnWriteArray"));
    }

    private static int[] wrapKinds(String owner, String name, Type[] args) {
        boolean stage = owner.equals("java/util/concurrent/CompletableFuture")
                || owner.equals("java/util/concurrent/CompletionStage");
        boolean locked = mayRunLocked(owner, name);
        int[] kinds = null;
        for (int i = 0; i < args.length; i++) {
            int k = switch (args[i].getDescriptor()) {
                case "Ljava/lang/Runnable;" -> CallSpec.WRAP_RUNNABLE;
                case "Ljava/util/concurrent/Callable;" -> CallSpec.WRAP_CALLABLE;
                case "Ljava/util/function/Supplier;" -> stage ? CallSpec.WRAP_SUPPLIER : 0;
                case "Ljava/util/function/Function;" -> stage ? CallSpec.WRAP_FUNCTION
                        : locked ? CallSpec.WRAP_LOCKED_FUNCTION : 0;
                case "Ljava/util/function/BiFunction;" -> stage ? CallSpec.WRAP_BIFUNCTION
                        : locked ? CallSpec.WRAP_LOCKED_BIFUNCTION : 0;
                case "Ljava/util/function/Consumer;" -> stage ? CallSpec.WRAP_CONSUMER
                        : locked ? CallSpec.WRAP_LOCKED_CONSUMER : 0;
                case "Ljava/util/function/BiConsumer;" -> stage ? CallSpec.WRAP_BICONSUMER
                        : locked ? CallSpec.WRAP_LOCKED_BICONSUMER : 0;
                case "Ljava/util/function/Predicate;" -> locked ? CallSpec.WRAP_LOCKED_PREDICATE : 0;
                case "Ljava/util/function/UnaryOperator;" -> locked ? CallSpec.WRAP_LOCKED_UNARY : 0;
                case "Ljava/util/Comparator;" -> locked ? CallSpec.WRAP_LOCKED_COMPARATOR : 0;
                case "Ljava/util/concurrent/Flow$Subscriber;" -> name.equals("subscribe")
                        && (owner.equals("java/util/concurrent/SubmissionPublisher")
                        || owner.equals("java/util/concurrent/Flow$Publisher")) ? CallSpec.WRAP_SUBSCRIBER : 0;
                case "Ljava/util/Collection;" -> (name.equals("invokeAll") || name.equals("invokeAny"))
                        && owner.startsWith("java/util/concurrent/") ? CallSpec.WRAP_CALLABLES : 0;
                default -> 0;
            };
            if (k != 0) {
                if (kinds == null) {
                    kinds = new int[args.length];
                }
                kinds[i] = k;
            }
        }
        return kinds;
    }

    // ---- the explorer's models (ExplorerInstrumenter) ----

    /** What to do with one call. */
    enum Kind { REPLACE, ACCESS, GLOBAL, UNSUPPORTED, ASYNC }

    /**
     * The rewrite of one call.
     *
     * @param kind  what to do
     * @param hook  the hook's name (REPLACE)
     * @param write whether the step writes (ACCESS)
     * @param what  a short description for reports
     * @param ordered whether the call synchronizes (atomics, concurrent collections)
     */
    record Action(Kind kind, String hook, boolean write, String what, boolean ordered) {
        Action(Kind kind, String hook, boolean write, String what) {
            this(kind, hook, write, what, false);
        }
    }

    private static final String LOCKS = "java/util/concurrent/locks/";
    private static final Set<String> LOCK_OWNERS = Set.of(LOCKS + "Lock", LOCKS + "ReentrantLock",
            LOCKS + "ReentrantReadWriteLock$ReadLock", LOCKS + "ReentrantReadWriteLock$WriteLock");
    private static final Set<String> CONDITION_OWNERS = Set.of(LOCKS + "Condition",
            LOCKS + "AbstractQueuedSynchronizer$ConditionObject");
    private static final Set<String> QUEUE_OWNERS = Set.of("java/util/concurrent/BlockingQueue",
            "java/util/concurrent/BlockingDeque", "java/util/concurrent/ArrayBlockingQueue",
            "java/util/concurrent/LinkedBlockingQueue", "java/util/concurrent/LinkedBlockingDeque",
            "java/util/concurrent/PriorityBlockingQueue");
    private static final Set<String> BUILDERS = Set.of("java/lang/Thread$Builder", "java/lang/Thread$Builder$OfVirtual",
            "java/lang/Thread$Builder$OfPlatform");
    private static final Set<String> STEP_COLLECTIONS = Set.of("Map", "HashMap", "LinkedHashMap", "TreeMap", "SortedMap",
            "NavigableMap", "Hashtable", "List", "ArrayList", "LinkedList", "Vector", "Stack", "Set", "HashSet",
            "LinkedHashSet", "TreeSet", "SortedSet", "NavigableSet", "Collection", "Queue", "Deque", "ArrayDeque",
            "PriorityQueue", "SequencedCollection", "SequencedMap", "SequencedSet", "concurrent/ConcurrentHashMap",
            "concurrent/ConcurrentMap", "concurrent/ConcurrentNavigableMap", "concurrent/ConcurrentLinkedQueue",
            "concurrent/ConcurrentLinkedDeque", "concurrent/CopyOnWriteArrayList", "concurrent/CopyOnWriteArraySet",
            "concurrent/ConcurrentSkipListMap", "concurrent/ConcurrentSkipListSet", "concurrent/BlockingQueue",
            "concurrent/BlockingDeque", "concurrent/ArrayBlockingQueue", "concurrent/LinkedBlockingQueue",
            "concurrent/LinkedBlockingDeque", "concurrent/PriorityBlockingQueue");
    private static final Set<String> STEP_READS = Set.of("size", "isEmpty", "contains", "containsKey", "containsValue",
            "iterator", "listIterator", "spliterator", "stream", "parallelStream", "forEach", "toArray", "toString",
            "equals", "hashCode", "keySet", "values", "entrySet", "indexOf", "lastIndexOf", "subList", "element",
            "remainingCapacity", "intValue", "longValue", "doubleValue", "floatValue", "sum", "length", "first",
            "last", "higher", "lower", "ceiling", "floor", "headMap", "tailMap", "subMap", "headSet", "tailSet",
            "comparator", "mappingCount", "keys", "elements", "reversed", "firstEntry", "lastEntry", "sequencedKeySet",
            "sequencedValues", "sequencedEntrySet", "descendingMap", "descendingSet", "navigableKeySet",
            "descendingIterator", "peek", "peekFirst", "peekLast", "getFirst", "getLast", "drainTo");
    private static final String FJ_TASK = "java/util/concurrent/ForkJoinTask";
    private static final String FJ_POOL = "java/util/concurrent/ForkJoinPool";
    /** ForkJoinPool calls that need no model (no task runs, nothing blocks). */
    private static final Set<String> FJ_POOL_PLAIN = Set.of("commonPool", "getParallelism", "getCommonPoolParallelism",
            "shutdown", "isShutdown", "toString");
    private static final Set<String> FUTURES = Set.of("java/util/concurrent/CompletableFuture",
            "java/util/concurrent/CompletionStage");
    private static final Set<String> UNSUPPORTED_OWNERS = Set.of("java/util/concurrent/Executors",
            "java/util/concurrent/ThreadPoolExecutor",
            "java/util/concurrent/ScheduledThreadPoolExecutor", "java/util/Timer");

    private static final Map<String, String> THREAD = new HashMap<>();
    private static final Map<String, String> OTHER = new HashMap<>();

    static {
        THREAD.put("start()V", "start");
        THREAD.put("join()V", "join");
        THREAD.put("join(J)V", "join");
        THREAD.put("join(Ljava/time/Duration;)Z", "join");
        THREAD.put("interrupt()V", "interrupt");
        THREAD.put("isInterrupted()Z", "isInterrupted");
        THREAD.put("isAlive()Z", "isAlive");
        THREAD.put("setDaemon(Z)V", "setDaemon");
        THREAD.put("isDaemon()Z", "isDaemon");
        THREAD.put("static currentThread()Ljava/lang/Thread;", "currentThread");
        THREAD.put("static sleep(J)V", "sleep");
        THREAD.put("static sleep(JI)V", "sleep");
        THREAD.put("static sleep(Ljava/time/Duration;)V", "sleep");
        THREAD.put("static yield()V", "yieldNow");
        THREAD.put("static onSpinWait()V", "onSpinWait");
        THREAD.put("static interrupted()Z", "interrupted");
        THREAD.put("static startVirtualThread(Ljava/lang/Runnable;)Ljava/lang/Thread;", "startVirtualThread");
        for (String b : BUILDERS) {
            OTHER.put(b + ".start(Ljava/lang/Runnable;)Ljava/lang/Thread;", "builderStart");
            OTHER.put(b + ".unstarted(Ljava/lang/Runnable;)Ljava/lang/Thread;", "builderUnstarted");
        }
        String platform = "java/lang/Thread$Builder$OfPlatform.";
        OTHER.put(platform + "daemon(Z)Ljava/lang/Thread$Builder$OfPlatform;", "builderDaemon");
        OTHER.put(platform + "daemon()Ljava/lang/Thread$Builder$OfPlatform;", "builderDaemon");
        String ls = "java/util/concurrent/locks/LockSupport.";
        OTHER.put(ls + "park()V", "park");
        OTHER.put(ls + "park(Ljava/lang/Object;)V", "park");
        OTHER.put(ls + "parkNanos(J)V", "parkNanos");
        OTHER.put(ls + "parkNanos(Ljava/lang/Object;J)V", "parkNanos");
        OTHER.put(ls + "unpark(Ljava/lang/Thread;)V", "unpark");
        OTHER.put("java/lang/System.exit(I)V", "exit");
        OTHER.put("java/lang/Runtime.exit(I)V", "exit");
        OTHER.put("java/lang/Runtime.halt(I)V", "exit");
        for (String l : LOCK_OWNERS) {
            OTHER.put(l + ".lock()V", "lock");
            OTHER.put(l + ".unlock()V", "unlock");
            OTHER.put(l + ".tryLock()Z", "tryLock");
            OTHER.put(l + ".tryLock(JLjava/util/concurrent/TimeUnit;)Z", "tryLock");
            OTHER.put(l + ".lockInterruptibly()V", "lockInterruptibly");
            OTHER.put(l + ".newCondition()Ljava/util/concurrent/locks/Condition;", "newCondition");
        }
        String rw = LOCKS + "ReentrantReadWriteLock.";
        OTHER.put(rw + "readLock()Ljava/util/concurrent/locks/ReentrantReadWriteLock$ReadLock;", "readLock");
        OTHER.put(rw + "writeLock()Ljava/util/concurrent/locks/ReentrantReadWriteLock$WriteLock;", "writeLock");
        OTHER.put(LOCKS + "ReadWriteLock.readLock()Ljava/util/concurrent/locks/Lock;", "rwReadLock");
        OTHER.put(LOCKS + "ReadWriteLock.writeLock()Ljava/util/concurrent/locks/Lock;", "rwWriteLock");
        for (String c : CONDITION_OWNERS) {
            OTHER.put(c + ".await()V", "await");
            OTHER.put(c + ".awaitUninterruptibly()V", "awaitUninterruptibly");
            OTHER.put(c + ".await(JLjava/util/concurrent/TimeUnit;)Z", "await");
            OTHER.put(c + ".awaitNanos(J)J", "awaitNanos");
            OTHER.put(c + ".signal()V", "signal");
            OTHER.put(c + ".signalAll()V", "signalAll");
        }
        String s = "java/util/concurrent/Semaphore.";
        OTHER.put(s + "acquire()V", "acquire");
        OTHER.put(s + "acquire(I)V", "acquire");
        OTHER.put(s + "acquireUninterruptibly()V", "acquireUninterruptibly");
        OTHER.put(s + "tryAcquire()Z", "tryAcquire");
        OTHER.put(s + "tryAcquire(I)Z", "tryAcquire");
        OTHER.put(s + "tryAcquire(JLjava/util/concurrent/TimeUnit;)Z", "tryAcquire");
        OTHER.put(s + "release()V", "release");
        OTHER.put(s + "release(I)V", "release");
        String c = "java/util/concurrent/CountDownLatch.";
        OTHER.put(c + "await()V", "latchAwait");
        OTHER.put(c + "await(JLjava/util/concurrent/TimeUnit;)Z", "latchAwait");
        OTHER.put(c + "countDown()V", "countDown");
        OTHER.put("java/util/concurrent/CyclicBarrier.await()I", "barrierAwait");
        OTHER.put("java/util/concurrent/CyclicBarrier.await(JLjava/util/concurrent/TimeUnit;)I", "barrierAwait");
        String sl = LOCKS + "StampedLock.";
        OTHER.put(sl + "writeLock()J", "stampedWriteLock");
        OTHER.put(sl + "writeLockInterruptibly()J", "stampedWriteLock");
        OTHER.put(sl + "readLock()J", "stampedReadLock");
        OTHER.put(sl + "readLockInterruptibly()J", "stampedReadLock");
        OTHER.put(sl + "unlockWrite(J)V", "stampedUnlockWrite");
        OTHER.put(sl + "unlockRead(J)V", "stampedUnlockRead");
        OTHER.put(sl + "unlock(J)V", "stampedUnlock");
        String ex = "java/util/concurrent/Executors.";
        OTHER.put(ex + "newFixedThreadPool(I)Ljava/util/concurrent/ExecutorService;", "newFixedThreadPool");
        OTHER.put(ex + "newSingleThreadExecutor()Ljava/util/concurrent/ExecutorService;", "newSingleThreadExecutor");
        OTHER.put(ex + "newCachedThreadPool()Ljava/util/concurrent/ExecutorService;", "newUnboundedPool");
        OTHER.put(ex + "newVirtualThreadPerTaskExecutor()Ljava/util/concurrent/ExecutorService;", "newUnboundedPool");
        OTHER.put(ex + "newWorkStealingPool()Ljava/util/concurrent/ExecutorService;", "newUnboundedPool");
        for (String f : List.of("java/util/concurrent/Future", "java/util/concurrent/FutureTask")) {
            OTHER.put(f + ".get()Ljava/lang/Object;", "futureGet");
            OTHER.put(f + ".get(JLjava/util/concurrent/TimeUnit;)Ljava/lang/Object;", "futureGet");
        }
        for (String t : List.of("java/lang/ThreadLocal", "java/lang/InheritableThreadLocal")) {
            OTHER.put(t + ".get()Ljava/lang/Object;", "threadLocalGet");
            OTHER.put(t + ".set(Ljava/lang/Object;)V", "threadLocalSet");
            OTHER.put(t + ".remove()V", "threadLocalRemove");
        }
        String ph = "java/util/concurrent/Phaser.";
        OTHER.put(ph + "register()I", "Synchronizers.phaserRegister");
        OTHER.put(ph + "bulkRegister(I)I", "Synchronizers.phaserRegister");
        OTHER.put(ph + "arrive()I", "Synchronizers.phaserArrive");
        OTHER.put(ph + "arriveAndDeregister()I", "Synchronizers.phaserArriveAndDeregister");
        OTHER.put(ph + "arriveAndAwaitAdvance()I", "Synchronizers.phaserArriveAndAwaitAdvance");
        OTHER.put(ph + "awaitAdvance(I)I", "Synchronizers.phaserAwaitAdvance");
        OTHER.put(ph + "awaitAdvanceInterruptibly(I)I", "Synchronizers.phaserAwaitAdvanceInterruptibly");
        OTHER.put(ph + "awaitAdvanceInterruptibly(IJLjava/util/concurrent/TimeUnit;)I",
                "Synchronizers.phaserAwaitAdvanceInterruptibly");
        OTHER.put(ph + "forceTermination()V", "Synchronizers.phaserForceTermination");
        String xc = "java/util/concurrent/Exchanger.";
        OTHER.put(xc + "exchange(Ljava/lang/Object;)Ljava/lang/Object;", "Synchronizers.exchange");
        OTHER.put(xc + "exchange(Ljava/lang/Object;JLjava/util/concurrent/TimeUnit;)Ljava/lang/Object;",
                "Synchronizers.exchange");
        String fj = FJ_TASK + ".";
        OTHER.put(fj + "fork()Ljava/util/concurrent/ForkJoinTask;", "Synchronizers.fork");
        OTHER.put(fj + "join()Ljava/lang/Object;", "Synchronizers.join");
        OTHER.put(fj + "get()Ljava/lang/Object;", "Synchronizers.taskGet");
        OTHER.put(fj + "invokeAll(Ljava/util/concurrent/ForkJoinTask;Ljava/util/concurrent/ForkJoinTask;)V",
                "Synchronizers.invokeAll");
        OTHER.put(fj + "invokeAll([Ljava/util/concurrent/ForkJoinTask;)V", "Synchronizers.invokeAll");
        OTHER.put(fj + "invokeAll(Ljava/util/Collection;)Ljava/util/Collection;", "Synchronizers.invokeAll");
        String pool = FJ_POOL + ".";
        OTHER.put(pool + "invoke(Ljava/util/concurrent/ForkJoinTask;)Ljava/lang/Object;", "Synchronizers.poolInvoke");
        OTHER.put(pool + "submit(Ljava/util/concurrent/ForkJoinTask;)Ljava/util/concurrent/ForkJoinTask;",
                "Synchronizers.poolSubmit");
        OTHER.put(pool + "execute(Ljava/util/concurrent/ForkJoinTask;)V", "Synchronizers.poolExecute");
        OTHER.put(pool + "close()V", "Synchronizers.poolClose");
        OTHER.put(pool + "awaitTermination(JLjava/util/concurrent/TimeUnit;)Z", "Synchronizers.poolAwaitTermination");
        String cf = "java/util/concurrent/CompletableFuture.";
        OTHER.put(cf + "join()Ljava/lang/Object;", "Synchronizers.futureJoin");
        OTHER.put(cf + "get()Ljava/lang/Object;", "Synchronizers.futureGet");
        OTHER.put(cf + "get(JLjava/util/concurrent/TimeUnit;)Ljava/lang/Object;", "Synchronizers.futureGet");
        for (String q : QUEUE_OWNERS) {
            OTHER.put(q + ".put(Ljava/lang/Object;)V", "put");
            OTHER.put(q + ".take()Ljava/lang/Object;", "take");
        }
    }

    /**
     * The explorer's action for a call, or null to leave it alone: a modelled blocking or thread call is replaced
     * by a static hook of the explorer's scheduler; a call on an atomic variable or a collection gets one step on
     * its receiver before it; a call that may touch anything gets a global step; executors the model does not
     * cover are reported as unsupported.
     */
    static Action model(int opcode, String owner, String name, String desc, Hierarchy hierarchy) {
        boolean isStatic = opcode == Opcodes.INVOKESTATIC;
        if (FORK_JOIN_TASKS.contains(owner) || !owner.startsWith("java/") && hierarchy.extendsLibraryClass(owner, FORK_JOIN_TASKS)) {
            owner = FJ_TASK; // fork, join and invokeAll are final: the same on every task class
        }
        if (!isStatic && opcode != Opcodes.INVOKESPECIAL && isObjectMonitorCall(name, desc)) {
            String hook = name.equals("wait") ? "waitFor" : name.equals("notify") ? "notifyOne" : "notifyEvery";
            return new Action(Kind.REPLACE, hook, true, "Object." + name);
        }
        if (opcode != Opcodes.INVOKESPECIAL && (owner.equals("java/lang/Thread")
                || !owner.startsWith("java/") && hierarchy.isThread(owner))) {
            String hook = THREAD.get((isStatic ? "static " : "") + name + desc);
            if (hook != null) return new Action(Kind.REPLACE, hook, true, "Thread." + name);
            return null;
        }
        if (opcode != Opcodes.INVOKESPECIAL) {
            String hook = OTHER.get(owner + "." + name + desc);
            if (hook != null) return new Action(Kind.REPLACE, hook, true, simple(owner) + "." + name);
        }
        if (FUTURES.contains(owner) && name.endsWith("Async") && opcode != Opcodes.INVOKESPECIAL
                && !desc.contains("Ljava/util/concurrent/Executor;)")) {
            return new Action(Kind.ASYNC, null, true, simple(owner) + "." + name);
        }
        if (UNSUPPORTED_OWNERS.contains(owner) || owner.equals(FJ_POOL) && opcode != Opcodes.INVOKESPECIAL
                && !FJ_POOL_PLAIN.contains(name)) {
            return new Action(Kind.UNSUPPORTED, null, true, simple(owner) + "." + name);
        }
        if (owner.equals("java/lang/invoke/VarHandle")) {
            return new Action(Kind.GLOBAL, null, true, "VarHandle." + name);
        }
        if (isStatic || opcode == Opcodes.INVOKESPECIAL) return null;
        if (owner.equals(LOCKS + "StampedLock")) { // optimistic reads, validation, try- and convert- calls
            boolean read = name.equals("tryOptimisticRead") || name.equals("validate") || name.startsWith("is")
                    || name.startsWith("get");
            return new Action(Kind.ACCESS, null, !read, "StampedLock." + name, true);
        }
        boolean atomic = owner.startsWith("java/util/concurrent/atomic/");
        boolean collection = owner.startsWith("java/util/") && STEP_COLLECTIONS.contains(owner.substring("java/util/".length()));
        if (atomic || collection) {
            boolean read = STEP_READS.contains(name) || name.startsWith("get") && !name.startsWith("getAnd")
                    || name.startsWith("contains") || name.startsWith("search") || name.startsWith("reduce");
            boolean ordered = atomic || owner.startsWith("java/util/concurrent/") || owner.equals("java/util/Vector")
                    || owner.equals("java/util/Hashtable") || owner.equals("java/util/Stack");
            return new Action(Kind.ACCESS, null, !read, simple(owner) + "." + name, ordered);
        }
        return null;
    }

    private static boolean isObjectMonitorCall(String name, String desc) {
        return name.equals("wait") && (desc.equals("()V") || desc.equals("(J)V") || desc.equals("(JI)V"))
                || (name.equals("notify") || name.equals("notifyAll")) && desc.equals("()V");
    }

    /** The hook's descriptor for a replaced call: the receiver (as Object) first, then the arguments and the site. */
    static String hookDescriptor(int opcode, String desc) {
        Type[] args = Type.getArgumentTypes(desc);
        StringBuilder d = new StringBuilder("(");
        if (opcode != Opcodes.INVOKESTATIC) d.append("Ljava/lang/Object;");
        for (Type t : args) d.append(t.getDescriptor());
        d.append("I)").append(Type.getReturnType(desc).getDescriptor());
        return d.toString();
    }

    private static String simple(String owner) {
        return owner.substring(owner.lastIndexOf('/') + 1).replace('$', '.');
    }
}
