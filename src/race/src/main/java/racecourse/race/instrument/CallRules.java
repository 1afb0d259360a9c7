package racecourse.race.instrument;

import static racecourse.race.edges.CallSpec.ACQUIRE;
import static racecourse.race.edges.CallSpec.ACQUIRE_READ;
import static racecourse.race.edges.CallSpec.ALIAS_ALL;
import static racecourse.race.edges.CallSpec.ALIAS_READ;
import static racecourse.race.edges.CallSpec.ALIAS_SAME;
import static racecourse.race.edges.CallSpec.ALIAS_WRITE;
import static racecourse.race.edges.CallSpec.COLLECTION;
import static racecourse.race.edges.CallSpec.RELEASE;
import static racecourse.race.edges.CallSpec.RELEASE_READ;
import static racecourse.race.edges.CallSpec.TASK_RESULT;
import static racecourse.race.edges.CallSpec.THREAD_JOIN;
import static racecourse.race.edges.CallSpec.THREAD_START;
import static racecourse.race.edges.CallSpec.WRITES;

import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import racecourse.race.edges.CallSpec;

/**
 * Decides, from a call's symbolic reference alone, which happens-before edge or access it stands for.
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
            "getAcquire", "getOpaque", "getPlain", "getVolatile", "awaitTermination", "close", "invokeAll",
            "awaitAdvance", "awaitAdvanceInterruptibly", "isDone", "getCount", "containsKey", "contains",
            "size", "isEmpty", "getOrDefault", "intValue", "longValue", "availablePermits");
    private static final Set<String> TASK_ONLY = Set.of(
            "submit", "execute", "schedule", "scheduleAtFixedRate", "scheduleWithFixedDelay", "fork",
            "invokeAny", "runAsync", "supplyAsync", "newThread");
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
        if (wrap != null && returnsObject) {
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

    private static int[] wrapKinds(String owner, String name, Type[] args) {
        boolean stage = owner.equals("java/util/concurrent/CompletableFuture")
                || owner.equals("java/util/concurrent/CompletionStage");
        int[] kinds = null;
        for (int i = 0; i < args.length; i++) {
            int k = switch (args[i].getDescriptor()) {
                case "Ljava/lang/Runnable;" -> CallSpec.WRAP_RUNNABLE;
                case "Ljava/util/concurrent/Callable;" -> CallSpec.WRAP_CALLABLE;
                case "Ljava/util/function/Supplier;" -> stage ? CallSpec.WRAP_SUPPLIER : 0;
                case "Ljava/util/function/Function;" -> stage ? CallSpec.WRAP_FUNCTION : 0;
                case "Ljava/util/function/BiFunction;" -> stage ? CallSpec.WRAP_BIFUNCTION : 0;
                case "Ljava/util/function/Consumer;" -> stage ? CallSpec.WRAP_CONSUMER : 0;
                case "Ljava/util/function/BiConsumer;" -> stage ? CallSpec.WRAP_BICONSUMER : 0;
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
}
