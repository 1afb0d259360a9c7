package racecourse.kernel.execution;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * Call-site stand-ins that let the kernel see the virtual threads a cell starts (virtual threads belong to no
 * thread group the kernel could enumerate). Thread-safe.
 */
public final class CellThreads {
    private CellThreads() {
    }

    /** Registers a thread just created or started by cell code and returns it. */
    public static Thread register(Thread thread) {
        CellRun run = CellRun.current();
        if (run != null && thread != null && thread.isVirtual()) run.addVirtualThread(thread);
        return thread;
    }

    /** Replaces {@code Thread.startVirtualThread}. */
    public static Thread startVirtualThread(Runnable task) {
        return register(Thread.startVirtualThread(task));
    }

    /** Replaces {@code Executors.newVirtualThreadPerTaskExecutor()}. */
    public static ExecutorService newVirtualThreadPerTaskExecutor() {
        ThreadFactory virtual = Thread.ofVirtual().factory();
        return Executors.newThreadPerTaskExecutor(task -> register(virtual.newThread(task)));
    }
}
