package racecourse.grader.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import racecourse.grader.step.CompileJava;

/**
 * The guarded calls of the rewrite, one class of attack each: reading stack frames, reading system properties,
 * var handles on classes that are not the submission's, and starting more threads than allowed by any route.
 * In-process, no child JVM.
 */
class GuardsTests {
    private static final String SOURCE = """
            import java.util.*;
            import java.util.concurrent.*;
            import java.lang.invoke.*;
            public class Sly {
                int field;
                static class Oops extends RuntimeException { }
                static class Worker extends Thread {
                    Worker(Runnable r) { super(r); }
                    @Override public void start() { super.start(); }
                }
                public static Object threadFrames() { return Thread.currentThread().getStackTrace(); }
                public static Object throwableFrames() { return new Throwable().getStackTrace(); }
                public static Object ownThrowableFrames() { return new Oops().getStackTrace(); }
                public static Object walker() { return StackWalker.getInstance().walk(s -> s.count()); }
                public static Object allThreads() { return Thread.getAllStackTraces(); }
                public static Object group() { return Thread.currentThread().getThreadGroup(); }
                public static Object loader() { return Thread.currentThread().getContextClassLoader(); }
                public static String printed() {
                    var out = new java.io.StringWriter();
                    new Throwable().printStackTrace(new java.io.PrintWriter(out));
                    return out.toString();
                }
                public static String property(String key) { return System.getProperty(key); }
                public static String propertyOr(String key) { return System.getProperty(key, "none"); }
                public static Object ownHandle() throws Exception {
                    return MethodHandles.lookup().findVarHandle(Sly.class, "field", int.class);
                }
                public static Object foreignHandle(Class<?> c) throws Exception {
                    return MethodHandles.lookup().findStaticVarHandle(c, "SECRET", String.class);
                }
                public static Object jdkHandle() throws Exception {
                    return MethodHandles.lookup().findStaticVarHandle(Integer.class, "MAX_VALUE", int.class);
                }
                static int started(String how, int n) throws Exception {
                    CountDownLatch hold = new CountDownLatch(1);
                    Runnable r = () -> { try { hold.await(); } catch (InterruptedException e) { } };
                    List<Thread> threads = new ArrayList<>();
                    ExecutorService pool = how.equals("pool") ? Executors.newFixedThreadPool(n)
                            : how.equals("virtualPool") ? Executors.newVirtualThreadPerTaskExecutor() : null;
                    int i = 0;
                    try {
                        for (; i < n; i++) {
                            switch (how) {
                                case "plain" -> { Thread t = new Thread(r); t.start(); threads.add(t); }
                                case "subclass" -> { Thread t = new Worker(r); t.start(); threads.add(t); }
                                case "builder" -> threads.add(Thread.ofPlatform().start(r));
                                case "virtual" -> threads.add(Thread.startVirtualThread(r));
                                default -> pool.submit(r).isDone();
                            }
                        }
                    } catch (SecurityException e) {
                        // the limit
                    } catch (RejectedExecutionException e) {
                        // the pool's factory refused the thread
                    } finally {
                        hold.countDown();
                        for (Thread t : threads) t.join();
                        if (pool != null) { pool.shutdown(); pool.awaitTermination(10, TimeUnit.SECONDS); }
                    }
                    return i;
                }
                public static int startMany(String how, int n) throws Exception { return started(how, n); }
            }
            """;

    /** A grader class with a public static field, standing for any grader-owned state. */
    public static final class GraderState {
        /** The value a submission must not read. */
        public static final String SECRET = "grader";
    }

    private static Class<?> load() throws Exception {
        CompileJava.Output out = CompileJava.compile(Map.of("Sly.java", SOURCE), "");
        assertTrue(out.ok(), out.errors().toString());
        Map<String, byte[]> rewritten = new Rewriter(out.classes().keySet()).rewrite(out.classes());
        ByteClassLoader loader = new ByteClassLoader("submission", rewritten, ClassLoader.getPlatformClassLoader(),
                Set.of(Denied.class.getName(), LockOrder.class.getName()));
        return Class.forName("Sly", true, loader);
    }

    private static Object call(Class<?> c, String name, Object... args) throws Throwable {
        for (Method m : c.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.length) {
                try {
                    return m.invoke(null, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        }
        throw new NoSuchMethodException(name);
    }

    @Test
    void noRouteToStackFramesThreadsOrLoaders() throws Exception {
        Class<?> sly = load();
        for (String m : new String[] {"threadFrames", "throwableFrames", "ownThrowableFrames", "walker",
                "allThreads", "group", "loader"}) {
            assertThrows(SecurityException.class, () -> call(sly, m), m);
        }
    }

    /**
     * The grader's child JVM exports {@code jdk.internal.vm} to the explorer, which runs there; the compiler is not
     * given that export, so a submission cannot name the JDK's continuations (or anything else in that package).
     */
    @Test
    void theExplorersExportIsNotOpenToSubmittedCode() {
        CompileJava.Output out = CompileJava.compile(Map.of("Cont.java", """
                public class Cont {
                    static Object grab() { return new jdk.internal.vm.ContinuationScope("mine"); }
                }
                """), "");
        assertTrue(!out.ok(), "a submission compiled against jdk.internal.vm");
        assertTrue(out.errors().toString().contains("jdk.internal.vm"), out.errors().toString());
    }

    @Test
    void printStackTraceStaysAllowedButCannotBeRead() throws Throwable {
        assertEquals("", call(load(), "printed"));
    }

    @Test
    void onlyHarmlessPropertiesAreVisible() throws Throwable {
        Class<?> sly = load();
        assertEquals(System.getProperty("java.version"), call(sly, "property", "java.version"));
        for (String key : new String[] {"java.class.path", "user.dir", "user.home", "java.home", "sun.java.command",
                "jdk.module.path", "java.io.tmpdir"}) {
            assertNull(call(sly, "property", key), key);
            assertEquals("none", call(sly, "propertyOr", key), key);
        }
    }

    @Test
    void varHandlesOnlyOnTheSubmissionsOwnClasses() throws Throwable {
        Class<?> sly = load();
        assertTrue(call(sly, "ownHandle") instanceof java.lang.invoke.VarHandle);
        assertThrows(SecurityException.class, () -> call(sly, "foreignHandle", GraderState.class));
        assertThrows(SecurityException.class, () -> call(sly, "jdkHandle"));
    }

    @Test
    void everyWayToStartAThreadIsCounted() throws Throwable {
        Class<?> sly = load();
        Denied.limitThreads(5, null);
        try {
            for (String how : new String[] {"plain", "subclass", "builder", "pool"}) {
                int started = (int) call(sly, "startMany", how, 20);
                assertTrue(started <= 5, how + " started " + started + " threads against a limit of 5");
                waitForNoLiveThreads();
            }
            // Virtual threads are counted against their own, larger limit.
            for (String how : new String[] {"virtual", "virtualPool"}) {
                assertEquals(20, (int) call(sly, "startMany", how, 20), how);
                waitForNoLiveThreads();
            }
        } finally {
            Denied.limitThreads(Integer.MAX_VALUE, null);
        }
    }

    private static void waitForNoLiveThreads() throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (Denied.liveThreads() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(0, Denied.liveThreads());
    }
}
