package racecourse.explore.program;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.List;
import racecourse.explore.instrument.InstrumentingLoader;
import racecourse.explore.sched.Run;

/**
 * A program's {@code main}, run as thread A (named "main") from an instrumented copy of its classes; what it prints
 * on {@code System.out} is its result. Output is captured while the exploration runs. Not thread-safe: one
 * exploration at a time (it swaps {@code System.out}).
 */
public final class MainProgram implements Program {
    private static final int KEEP = 400;
    private final String className;
    private final ClassLoader source;
    private final java.util.Map<String, byte[]> instrumented = new java.util.concurrent.ConcurrentHashMap<>();
    private Method main;
    private final String[] args;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream savedOut = System.out;
    private final PrintStream savedErr = System.err;

    /** Loads {@code className} from {@code source}, instrumented. */
    public MainProgram(ClassLoader source, String className, String[] args) throws ClassNotFoundException {
        this.className = className;
        this.source = source;
        this.args = args.clone();
        this.main = findMain();
        PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(new PrintStream(OutputStreamSink.INSTANCE, true, StandardCharsets.UTF_8));
    }

    /** Loads the program afresh (fresh static fields) and finds its main method. */
    private Method findMain() throws ClassNotFoundException {
        InstrumentingLoader loader = new InstrumentingLoader(source, instrumented);
        Class<?> c = Class.forName(className, false, loader);
        Method m;
        try {
            m = c.getDeclaredMethod("main", String[].class);
        } catch (NoSuchMethodException e) {
            try {
                m = c.getDeclaredMethod("main");
            } catch (NoSuchMethodException e2) {
                throw new IllegalArgumentException(className + " has no main method");
            }
        }
        m.setAccessible(true);
        if (!Modifier.isStatic(m.getModifiers())) throw new IllegalArgumentException(className + ".main must be static");
        return m;
    }

    @Override
    public Instance prepare() throws ClassNotFoundException {
        printed.reset();
        Method main = findMain();
        Runnable body = () -> {
            try {
                if (main.getParameterCount() == 1) main.invoke(null, (Object) args.clone());
                else main.invoke(null);
            } catch (java.lang.reflect.InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException r) throw r;
                if (cause instanceof Error err) throw err;
                throw new IllegalStateException(cause);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        };
        return new Instance(List.of(new Run.Start("main", body)), () -> {
            String out = printed.toString(StandardCharsets.UTF_8).strip();
            if (out.length() > KEEP) out = "..." + out.substring(out.length() - KEEP);
            return out.isEmpty() ? "(printed nothing)" : "printed \"" + out.replace("\n", "\\n") + "\"";
        });
    }

    @Override
    public String describe() {
        return "main of " + className;
    }

    @Override
    public void close() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    /** Discards what the program writes to {@code System.err}. */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
