package racecourse.grader.api;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a body on several threads at once with a deadline, for stress checks with a bounded budget.
 *
 * <p>All threads wait on a latch and start together. When a thread throws, the first failure is rethrown as the
 * test's failure. When the threads are not done by the deadline the test fails with a report of the threads that
 * are stuck, and of any deadlock among them: stuck threads are daemons and are left behind, so the next test can run.
 * Thread-safe (stateless).
 */
public final class Concurrently {
    private Concurrently() {
    }

    /** The body one thread runs; {@code thread} is 0 to threads-1. */
    @FunctionalInterface
    public interface Body {
        /** Runs this thread's share of the work. */
        void run(int thread) throws Exception;
    }

    /** Runs {@code body} on {@code threads} threads at once and waits at most {@code deadline} for all of them. */
    public static void run(int threads, Duration deadline, Body body) {
        CountDownLatch start = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int id = i;
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    body.run(id);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "worker-" + i);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
        start.countDown();
        long begin = System.nanoTime();
        long end = begin + deadline.toNanos();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        try {
            for (Thread t : workers) {
                while (!t.join(Duration.ofMillis(50))) {
                    if (System.nanoTime() - end > 0) {
                        throw new AssertionError("the threads did not finish within " + deadline.toMillis()
                                + " ms: a deadlock, a lost wake-up or a very slow lock?\n" + stuck(workers));
                    }
                    long[] dead = mx.findDeadlockedThreads();
                    if (dead != null && workers.stream().anyMatch(w -> contains(dead, w.threadId()))) {
                        throw new AssertionError("deadlock after "
                                + Duration.ofNanos(System.nanoTime() - begin).toMillis() + " ms: each thread "
                                + "below waits for a lock another one holds\n" + stuck(workers));
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the threads");
        }
        Throwable e = failure.get();
        if (e instanceof AssertionError a) {
            throw a;
        }
        if (e != null) {
            throw new AssertionError("a thread threw " + e, e);
        }
    }

    /**
     * Runs {@code body} on {@code threads} threads one after another: each thread starts only once the one before
     * it has ended, so the result never depends on how the threads interleave. Waiting for a thread to end happens
     * here, in grader code the race detector does not instrument, so it gives the learner's class no ordering: two
     * threads that touch the same field without synchronizing are still reported as a race, on every run alike.
     * This is how race probes run. A thread still running at the deadline fails the call with its stack.
     */
    public static void inTurn(int threads, Duration deadline, Body body) {
        long end = System.nanoTime() + deadline.toNanos();
        for (int i = 0; i < threads; i++) {
            int id = i;
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread t = new Thread(() -> {
                try {
                    body.run(id);
                } catch (Throwable e) {
                    failure.set(e);
                }
            }, "worker-" + i);
            t.setDaemon(true);
            t.start();
            try {
                if (!t.join(Duration.ofNanos(Math.max(1, end - System.nanoTime())))) {
                    throw new AssertionError("thread worker-" + i + " did not finish within " + deadline.toMillis()
                            + " ms, with no other thread running: an endless loop, or a wait for something that "
                            + "never comes?\n" + stuck(List.of(t)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the threads");
            }
            Throwable e = failure.get();
            if (e instanceof AssertionError a) {
                throw a;
            }
            if (e != null) {
                throw new AssertionError("thread worker-" + i + " threw " + e, e);
            }
        }
    }

    /** A report of the given threads that are still alive, and of every deadlock in the JVM. */
    public static String stuck(List<Thread> threads) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        StringBuilder out = new StringBuilder();
        long[] all = mx.findDeadlockedThreads();
        long[] dead = all == null ? null : java.util.Arrays.stream(all)
                .filter(id -> threads.stream().anyMatch(t -> t.threadId() == id)).toArray();
        if (dead != null && dead.length > 0) {
            out.append("Deadlocked threads:\n");
            for (ThreadInfo info : mx.getThreadInfo(dead, true, true)) {
                out.append(describe(info));
            }
        }
        for (Thread t : threads) {
            if (t.isAlive()) {
                ThreadInfo info = mx.getThreadInfo(new long[] {t.threadId()}, true, true)[0];
                if (info != null && (dead == null || !contains(dead, t.threadId()))) {
                    out.append(describe(info));
                }
            }
        }
        return out.toString();
    }

    private static boolean contains(long[] ids, long id) {
        for (long i : ids) {
            if (i == id) {
                return true;
            }
        }
        return false;
    }

    /** One thread: its name, state, the lock it waits for and its owner, and the top of its stack. */
    public static String describe(ThreadInfo info) {
        StringBuilder out = new StringBuilder();
        out.append("  \"").append(info.getThreadName()).append("\" ").append(info.getThreadState());
        if (info.getLockName() != null) {
            // The lock's class, without its identity hash, so the same run always reads the same.
            out.append(" waiting for ").append(info.getLockInfo().getClassName());
            if (info.getLockOwnerName() != null) {
                out.append(" held by \"").append(info.getLockOwnerName()).append('"');
            }
        }
        out.append('\n');
        StackTraceElement[] stack = info.getStackTrace();
        int shown = 0;
        for (StackTraceElement e : stack) {
            String c = e.getClassName();
            if (c.startsWith("racecourse.grader.") || c.startsWith("java.lang.reflect.")
                    || c.startsWith("java.lang.invoke.") || c.startsWith("jdk.internal.")
                    || c.startsWith("jdk.proxy") || c.contains("$$Lambda")) {
                continue;
            }
            out.append("      at ").append(e).append('\n');
            if (++shown == 6) {
                break;
            }
        }
        return out.toString();
    }

    /** Sleeps without throwing, for tests that give other threads a moment. */
    public static void pause(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
