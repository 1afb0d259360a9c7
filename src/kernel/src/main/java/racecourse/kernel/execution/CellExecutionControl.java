package racecourse.kernel.execution;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.function.Supplier;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JShell's execution engine for the kernel: runs snippets in the kernel's own JVM, each on a thread of its cell's
 * thread group, keeps the live value of the last snippet, and rewrites cell classes with {@link CellRewriter}.
 * Thread-safe: JShell calls it from one thread at a time; {@link #stop()} may come from any thread.
 */
public final class CellExecutionControl extends DirectExecutionControl {
    /** How long a stopped cell's thread may take to unwind before the kernel stops waiting for it. */
    private static final long ABANDON_AFTER_NANOS = 800_000_000L;

    private final Supplier<CellRun> runs;

    /** An engine that asks {@code runs} for the cell being executed. */
    public CellExecutionControl(Supplier<CellRun> runs) {
        this.runs = runs;
    }

    /** The provider that hands this engine to {@code JShell.builder().executionEngine(...)}. */
    public static ExecutionControlProvider provider(Supplier<CellRun> runs) {
        return new ExecutionControlProvider() {
            @Override
            public String name() {
                return "racecourse";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, java.util.Map<String, String> parameters) {
                return new CellExecutionControl(runs);
            }
        };
    }

    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        ClassBytecodes[] rewritten = new ClassBytecodes[classes.length];
        for (int i = 0; i < classes.length; i++) {
            rewritten[i] = new ClassBytecodes(classes[i].name(), CellRewriter.rewrite(classes[i].bytecodes()));
        }
        super.load(rewritten);
    }

    @Override
    protected String invoke(Method doit) throws Exception {
        CellRun run = runs.get();
        java.util.concurrent.Future<Object> snippet = run.submit(() -> doit.invoke(null));
        long stopSeen = 0;
        Object value;
        while (true) {
            try {
                value = snippet.get(50, java.util.concurrent.TimeUnit.MILLISECONDS);
                break;
            } catch (java.util.concurrent.TimeoutException stillRunning) {
                if (run.stopRequested()) {
                    if (stopSeen == 0) {
                        stopSeen = System.nanoTime();
                    } else if (System.nanoTime() - stopSeen > ABANDON_AFTER_NANOS) {
                        throw new StoppedException(); // the thread ignores interrupts; the kernel names it and moves on
                    }
                }
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable failure = e.getCause();
                if (failure instanceof InvocationTargetException ite) {
                    run.lastException(ite.getCause());
                    if (ite.getCause() instanceof Stop.CellStopped) throw new StoppedException();
                    throw ite;
                }
                run.lastException(failure);
                throw new InternalException(failure.toString());
            }
        }
        run.lastValue(value);
        return valueString(value);
    }

    @Override
    public void stop() {
        CellRun run = runs.get();
        if (run != null) run.requestStop("interrupted");
    }
}
