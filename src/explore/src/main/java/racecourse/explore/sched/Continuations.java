package racecourse.explore.sched;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The JDK's one-shot continuations ({@code jdk.internal.vm.Continuation}), reached through method handles when the
 * JVM exports them to this code ({@code --add-exports java.base/jdk.internal.vm=ALL-UNNAMED}). With them a schedule
 * runs all its threads on one carrier thread, and a switch between threads is a yield and a resume instead of a
 * wake-up of another OS thread. Without the export (or with {@code -Dracecourse.explore.continuations=false}) they
 * are not {@link #AVAILABLE} and the explorer hands off between worker threads instead. Thread-safe (constants).
 */
final class Continuations {
    /** Whether continuations can be used in this JVM. */
    static final boolean AVAILABLE;
    private static final Object SCOPE;
    private static final MethodHandle NEW;
    private static final MethodHandle RUN;
    private static final MethodHandle YIELD;

    static {
        boolean ok = false;
        Object scope = null;
        MethodHandle make = null;
        MethodHandle run = null;
        MethodHandle yield = null;
        if (!"false".equals(System.getProperty("racecourse.explore.continuations"))
                && Object.class.getModule().isExported("jdk.internal.vm", Continuations.class.getModule())) {
            try {
                Class<?> scopeType = Class.forName("jdk.internal.vm.ContinuationScope");
                Class<?> contType = Class.forName("jdk.internal.vm.Continuation");
                MethodHandles.Lookup lookup = MethodHandles.lookup();
                scope = lookup.findConstructor(scopeType, MethodType.methodType(void.class, String.class))
                        .invoke("racecourse-explore");
                make = lookup.findConstructor(contType, MethodType.methodType(void.class, scopeType, Runnable.class))
                        .asType(MethodType.methodType(Object.class, Object.class, Runnable.class));
                run = lookup.findVirtual(contType, "run", MethodType.methodType(void.class))
                        .asType(MethodType.methodType(void.class, Object.class));
                yield = lookup.findStatic(contType, "yield", MethodType.methodType(boolean.class, scopeType))
                        .asType(MethodType.methodType(boolean.class, Object.class));
                ok = true;
            } catch (Throwable e) {
                ok = false;
            }
        }
        AVAILABLE = ok;
        SCOPE = scope;
        NEW = make;
        RUN = run;
        YIELD = yield;
    }

    private Continuations() {
    }

    /** A continuation that will run {@code body} on whichever thread first {@link #run}s it. */
    static Object create(Runnable body) {
        try {
            return (Object) NEW.invokeExact(SCOPE, body);
        } catch (Throwable e) {
            throw new IllegalStateException("cannot make a continuation", e);
        }
    }

    /** Runs {@code continuation} on the calling thread until it yields or ends. */
    static void run(Object continuation) {
        try {
            RUN.invokeExact(continuation);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Suspends the running continuation (called inside it). Throws {@link IllegalStateException} when it cannot
     * be suspended here (a native frame or a held monitor on its stack).
     */
    static void yieldNow() {
        try {
            boolean ignored = (boolean) YIELD.invokeExact(SCOPE);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
