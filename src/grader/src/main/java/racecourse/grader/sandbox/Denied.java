package racecourse.grader.sandbox;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * The calls the {@link Rewriter} puts into a submission's bytecode: {@link #deny} in front of every use of a
 * blocked API (it always throws, so the blocked operation never happens), and guarded replacements for the APIs a
 * submission may use only in a limited way (system properties, stack traces, var handles, starting threads).
 *
 * <p>The thread limit lives here, inside the rewritten calls, so no thread the submission can reach enforces it.
 * Thread-safe: the thread sets are guarded by themselves; the limit is set once by the harness before any
 * submission code runs.
 */
public final class Denied {
    /** The system properties a submission may read; every other key reads as absent. */
    public static final Set<String> PROPERTIES = Set.of("java.version", "java.specification.version",
            "line.separator", "file.separator", "path.separator");

    /** Live virtual threads a submission may have at once. */
    public static final int MAX_VIRTUAL_THREADS = 50_000;

    private static final Set<Thread> THREADS = Collections.newSetFromMap(new WeakHashMap<>()); // guarded by THREADS
    private static final Set<Thread> VIRTUAL = Collections.newSetFromMap(new WeakHashMap<>()); // guarded by VIRTUAL
    private static volatile int maxThreads = Integer.MAX_VALUE;
    private static volatile Runnable onTooManyThreads;

    private Denied() {
    }

    /** Throws a {@link SecurityException} naming the blocked API. */
    public static void deny(String what) {
        throw new SecurityException(what + " is not allowed in a graded submission");
    }

    /** Sets the live-thread limit and what happens when a submission exceeds it (the harness stops the JVM). */
    public static void limitThreads(int max, Runnable onExceeded) {
        maxThreads = max;
        onTooManyThreads = onExceeded;
    }

    /**
     * Counts a thread the submission starts or creates (called before {@code Thread.start} and after the other ways
     * to make a thread). Non-threads are ignored, so the rewrite may call it on any receiver named {@code start}.
     * Platform threads are limited to the job's {@code threads.max}; virtual threads, which cost little, to
     * {@link #MAX_VIRTUAL_THREADS}.
     */
    public static void count(Object maybeThread) {
        if (!(maybeThread instanceof Thread t)) {
            return;
        }
        boolean virtual = t.isVirtual();
        Set<Thread> set = virtual ? VIRTUAL : THREADS;
        int max = virtual ? MAX_VIRTUAL_THREADS : maxThreads;
        boolean over;
        synchronized (set) {
            set.add(t);
            if (set.size() > max) {
                // Amortised: ended threads are dropped only when the count reaches the limit.
                set.removeIf(x -> x.getState() == Thread.State.TERMINATED);
            }
            over = set.size() > max;
            if (over && t.getState() == Thread.State.NEW) {
                set.remove(t); // refused: it will never start
            }
        }
        if (over) {
            Runnable stop = onTooManyThreads;
            if (stop != null) {
                stop.run();
            }
            throw new SecurityException("more than " + max + (virtual ? " live virtual" : " live")
                    + " threads is not allowed in a graded submission");
        }
    }

    /** How many threads the submission made that have not ended. */
    public static int liveThreads() {
        int n = 0;
        for (Set<Thread> set : List.of(THREADS, VIRTUAL)) {
            synchronized (set) {
                set.removeIf(x -> x.getState() == Thread.State.TERMINATED);
                n += set.size();
            }
        }
        return n;
    }

    /** A thread factory that counts every thread it makes, put into the {@code Executors} factory calls. */
    public static ThreadFactory threadFactory() {
        ThreadFactory platform = Executors.defaultThreadFactory();
        return r -> {
            Thread t = platform.newThread(r);
            count(t);
            return t;
        };
    }

    /** A counting factory of virtual threads, for {@code Executors.newVirtualThreadPerTaskExecutor}. */
    public static ThreadFactory virtualThreadFactory() {
        ThreadFactory virtual = Thread.ofVirtual().factory();
        return r -> {
            Thread t = virtual.newThread(r);
            count(t);
            return t;
        };
    }

    /** {@code System.getProperty(key)}: only the keys in {@link #PROPERTIES} have a value. */
    public static String property(String key) {
        return PROPERTIES.contains(key) ? System.getProperty(key) : null;
    }

    /** {@code System.getProperty(key, fallback)}: only the keys in {@link #PROPERTIES} have a value. */
    public static String property(String key, String fallback) {
        String v = property(key);
        return v == null ? fallback : v;
    }

    /** {@code printStackTrace(stream)}: printed to the captured standard error, where it is shown, never read. */
    public static void printStackTrace(Throwable t, PrintStream ignored) {
        t.printStackTrace();
    }

    /** {@code printStackTrace(writer)}: printed to the captured standard error, where it is shown, never read. */
    public static void printStackTrace(Throwable t, PrintWriter ignored) {
        t.printStackTrace();
    }

    /** {@code lookup.findVarHandle}, allowed only on a class the submission itself defined. */
    public static VarHandle findVarHandle(MethodHandles.Lookup lookup, Class<?> owner, String name, Class<?> type)
            throws NoSuchFieldException, IllegalAccessException {
        ownClass(lookup, owner);
        return lookup.findVarHandle(owner, name, type);
    }

    /** {@code lookup.findStaticVarHandle}, allowed only on a class the submission itself defined. */
    public static VarHandle findStaticVarHandle(MethodHandles.Lookup lookup, Class<?> owner, String name,
            Class<?> type) throws NoSuchFieldException, IllegalAccessException {
        ownClass(lookup, owner);
        return lookup.findStaticVarHandle(owner, name, type);
    }

    private static void ownClass(MethodHandles.Lookup lookup, Class<?> owner) {
        ClassLoader mine = lookup.lookupClass().getClassLoader();
        if (owner.getClassLoader() != mine || mine == null || mine == Denied.class.getClassLoader()
                || mine == ClassLoader.getPlatformClassLoader()) {
            deny("a var handle on " + owner.getName());
        }
    }

    /** The replacements the rewrite makes, by {@code owner.name(descriptor)} of the original call. */
    static final Map<String, String> REDIRECTS = Map.of(
            "java/lang/System.getProperty(Ljava/lang/String;)Ljava/lang/String;",
            "property(Ljava/lang/String;)Ljava/lang/String;",
            "java/lang/System.getProperty(Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;",
            "property(Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;",
            "java/lang/invoke/MethodHandles$Lookup.findVarHandle"
                    + "(Ljava/lang/Class;Ljava/lang/String;Ljava/lang/Class;)Ljava/lang/invoke/VarHandle;",
            "findVarHandle(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/Class;Ljava/lang/String;"
                    + "Ljava/lang/Class;)Ljava/lang/invoke/VarHandle;",
            "java/lang/invoke/MethodHandles$Lookup.findStaticVarHandle"
                    + "(Ljava/lang/Class;Ljava/lang/String;Ljava/lang/Class;)Ljava/lang/invoke/VarHandle;",
            "findStaticVarHandle(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/Class;Ljava/lang/String;"
                    + "Ljava/lang/Class;)Ljava/lang/invoke/VarHandle;");
}
