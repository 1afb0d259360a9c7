package racecourse.explore.instrument;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Which library calls the rewriter changes, and how: a modelled blocking or thread call is replaced by a static
 * hook of {@link racecourse.explore.sched.Hooks}; a call on an atomic variable or a collection gets one step on
 * its receiver before it; a call that may touch anything gets a global step; executors are reported as
 * unsupported. Thread-safe (immutable tables).
 */
final class CallRules {
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
    private static final Set<String> COLLECTIONS = Set.of("Map", "HashMap", "LinkedHashMap", "TreeMap", "SortedMap",
            "NavigableMap", "Hashtable", "List", "ArrayList", "LinkedList", "Vector", "Stack", "Set", "HashSet",
            "LinkedHashSet", "TreeSet", "SortedSet", "NavigableSet", "Collection", "Queue", "Deque", "ArrayDeque",
            "PriorityQueue", "SequencedCollection", "SequencedMap", "SequencedSet", "concurrent/ConcurrentHashMap",
            "concurrent/ConcurrentMap", "concurrent/ConcurrentNavigableMap", "concurrent/ConcurrentLinkedQueue",
            "concurrent/ConcurrentLinkedDeque", "concurrent/CopyOnWriteArrayList", "concurrent/CopyOnWriteArraySet",
            "concurrent/ConcurrentSkipListMap", "concurrent/ConcurrentSkipListSet", "concurrent/BlockingQueue",
            "concurrent/BlockingDeque", "concurrent/ArrayBlockingQueue", "concurrent/LinkedBlockingQueue",
            "concurrent/LinkedBlockingDeque", "concurrent/PriorityBlockingQueue");
    private static final Set<String> READS = Set.of("size", "isEmpty", "contains", "containsKey", "containsValue",
            "iterator", "listIterator", "spliterator", "stream", "parallelStream", "forEach", "toArray", "toString",
            "equals", "hashCode", "keySet", "values", "entrySet", "indexOf", "lastIndexOf", "subList", "element",
            "remainingCapacity", "intValue", "longValue", "doubleValue", "floatValue", "sum", "length", "first",
            "last", "higher", "lower", "ceiling", "floor", "headMap", "tailMap", "subMap", "headSet", "tailSet",
            "comparator", "mappingCount", "keys", "elements", "reversed", "firstEntry", "lastEntry", "sequencedKeySet",
            "sequencedValues", "sequencedEntrySet", "descendingMap", "descendingSet", "navigableKeySet",
            "descendingIterator", "peek", "peekFirst", "peekLast", "getFirst", "getLast", "drainTo");
    private static final String FJ_TASK = "java/util/concurrent/ForkJoinTask";
    private static final Set<String> FJ_TASKS = Set.of(FJ_TASK, "java/util/concurrent/RecursiveTask",
            "java/util/concurrent/RecursiveAction", "java/util/concurrent/CountedCompleter");
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

    private CallRules() {
    }

    /** The action for a call, or null to leave it alone. */
    static Action forCall(int opcode, String owner, String name, String desc, Hierarchy hierarchy) {
        boolean isStatic = opcode == Opcodes.INVOKESTATIC;
        if (FJ_TASKS.contains(owner) || !owner.startsWith("java/") && hierarchy.extendsLibraryClass(owner, FJ_TASKS)) {
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
        boolean collection = owner.startsWith("java/util/") && COLLECTIONS.contains(owner.substring("java/util/".length()));
        if (atomic || collection) {
            boolean read = READS.contains(name) || name.startsWith("get") && !name.startsWith("getAnd")
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
