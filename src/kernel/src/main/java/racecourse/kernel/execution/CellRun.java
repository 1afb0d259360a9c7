package racecourse.kernel.execution;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One execution of one notebook cell: the thread group its platform threads live in, the virtual threads it
 * started, whether it was asked to stop, and the raw value and exception of the snippet that ran last.
 * Every thread the cell starts inherits its run through {@link #CURRENT}, so output, displays and stop checks
 * find their cell from any thread. Thread-safe.
 */
public final class CellRun {
    /** The cell whose code the current thread runs, inherited by every thread that thread starts. */
    public static final InheritableThreadLocal<CellRun> CURRENT = new InheritableThreadLocal<>();

    private static final AtomicInteger GROUPS = new AtomicInteger();

    private final Object context;
    private final int executionCount;
    private final ThreadGroup group;
    private final Set<Thread> virtualThreads = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    private volatile boolean stopRequested;
    private volatile String stopReason = "interrupted";
    private volatile Object lastValue;
    private volatile Throwable lastException;
    private volatile List<String> deadlockReport = List.of();
    private final Object runnerLock = new Object();
    private java.util.concurrent.ExecutorService runner; // guarded by runnerLock
    private volatile Thread runnerThread;

    /**
     * A run for a cell.
     *
     * @param context the protocol's message context of the request, opaque here, used to route output
     * @param executionCount the cell's execution count
     */
    public CellRun(Object context, int executionCount) {
        this.context = context;
        this.executionCount = executionCount;
        this.group = new ThreadGroup("cell-" + executionCount + "-" + GROUPS.incrementAndGet());
    }

    /** The run of the cell whose code the current thread executes, or null for the kernel's own threads. */
    public static CellRun current() {
        return CURRENT.get();
    }

    public Object context() {
        return context;
    }

    public int executionCount() {
        return executionCount;
    }

    /** The thread group that holds the cell's main thread and the platform threads it starts. */
    public ThreadGroup group() {
        return group;
    }

    /**
     * Runs a snippet of this cell on the cell's own thread ("cell-N"): every snippet of a cell runs on the same
     * thread, in order, so that a race detector sees one thread's program order rather than hand-offs it cannot see.
     */
    public <T> java.util.concurrent.Future<T> submit(java.util.concurrent.Callable<T> snippet) {
        synchronized (runnerLock) {
            if (runner == null) {
                runner = java.util.concurrent.Executors.newSingleThreadExecutor(task -> {
                    runnerThread = new Thread(group, task, "cell-" + executionCount);
                    return runnerThread;
                });
            }
            return runner.submit(() -> {
                CURRENT.set(this);
                return snippet.call();
            });
        }
    }

    /** Lets the cell's own thread end once its last snippet has run. */
    public void finish() {
        synchronized (runnerLock) {
            if (runner != null) runner.shutdown();
        }
    }

    /** Remembers a virtual thread the cell started, so that an interrupt can reach it. */
    public void addVirtualThread(Thread thread) {
        virtualThreads.add(thread);
    }

    /** The cell's live threads: platform threads of its group and the virtual threads it registered. */
    public List<Thread> liveThreads() {
        Thread[] platform = new Thread[group.activeCount() + 16];
        int n = group.enumerate(platform, true);
        List<Thread> all = new java.util.ArrayList<>(java.util.Arrays.asList(platform).subList(0, n));
        synchronized (virtualThreads) {
            for (Thread t : virtualThreads) if (t.isAlive()) all.add(t);
        }
        return all;
    }

    /** The live threads that the cell's code started: {@link #liveThreads()} without the cell's own thread. */
    public List<Thread> startedThreads() {
        Thread own = runnerThread;
        return liveThreads().stream().filter(t -> t != own).toList();
    }

    /** Asks every thread of this cell to stop at its next stop check, and interrupts them. */
    public void requestStop(String reason) {
        stopReason = reason;
        stopRequested = true;
        Stop.raise();
        for (Thread t : liveThreads()) t.interrupt();
    }

    public boolean stopRequested() {
        return stopRequested;
    }

    public String stopReason() {
        return stopReason;
    }

    void lastValue(Object value) {
        lastValue = value;
    }

    /** The raw value the last snippet produced, or null. */
    public Object lastValue() {
        return lastValue;
    }

    void lastException(Throwable e) {
        lastException = e;
    }

    /** The exception the last snippet threw, or null. */
    public Throwable lastException() {
        return lastException;
    }

    /** Clears the last value and exception before the next snippet runs. */
    public void clearLast() {
        lastValue = null;
        lastException = null;
    }

    /** Records the deadlock found among the cell's threads when it was stopped. */
    public void deadlockReport(List<String> lines) {
        deadlockReport = List.copyOf(lines);
    }

    /** The deadlock found when the cell was stopped, as lines of text; empty if there was none. */
    public List<String> deadlockReport() {
        return deadlockReport;
    }

    /** Summaries of the cell's threads still alive, for messages: name, state and what it waits on. */
    public Map<String, String> describeLiveThreads() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Thread t : liveThreads()) {
            out.put(t.getName().isEmpty() ? "virtual thread #" + t.threadId() : t.getName(), t.getState().toString());
        }
        return out;
    }
}
