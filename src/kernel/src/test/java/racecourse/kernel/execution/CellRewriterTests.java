package racecourse.kernel.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

class CellRewriterTests {
    private static final String SOURCE = """
            public class Sample {
                public static void exit() { System.exit(3); }
                public static void halt() { Runtime.getRuntime().halt(1); }
                public static long spin() { long n = 0; while (true) { n++; } }
                public static Thread virtual() { return Thread.ofVirtual().start(() -> { }); }
            }
            """;

    /** Compiles SOURCE in memory, rewrites it and loads it in a fresh loader. */
    private static Class<?> rewrittenSample() throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Map<String, java.io.ByteArrayOutputStream> out = new HashMap<>();
        StandardJavaFileManager standard = javac.getStandardFileManager(null, null, null);
        var manager = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location l, String name, JavaFileObject.Kind k, FileObject s) {
                return new SimpleJavaFileObject(URI.create("mem:///" + name + ".class"), k) {
                    @Override
                    public java.io.OutputStream openOutputStream() {
                        return out.computeIfAbsent(name, n -> new java.io.ByteArrayOutputStream());
                    }
                };
            }
        };
        var file = new SimpleJavaFileObject(URI.create("mem:///Sample.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignore) {
                return SOURCE;
            }
        };
        assertTrue(javac.getTask(null, manager, null, List.of("--release", "25"), null, List.of(file)).call());
        ClassLoader loader = new ClassLoader(CellRewriterTests.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                var bytes = out.get(name);
                if (bytes == null) throw new ClassNotFoundException(name);
                byte[] code = CellRewriter.rewrite(bytes.toByteArray());
                return defineClass(name, code, 0, code.length);
            }
        };
        return loader.loadClass("Sample");
    }

    private static Throwable causeOf(Method m) {
        return assertThrows(InvocationTargetException.class, () -> m.invoke(null)).getCause();
    }

    @Test
    void exitAndHaltBecomeErrors() throws Exception {
        Class<?> sample = rewrittenSample();
        assertInstanceOf(ExitGuard.ExitAttempt.class, causeOf(sample.getMethod("exit")));
        assertInstanceOf(ExitGuard.ExitAttempt.class, causeOf(sample.getMethod("halt")));
    }

    @Test
    void aStoppedCellUnwindsAtTheNextCheck() throws Exception {
        Method spin = rewrittenSample().getMethod("spin");
        CellRun run = new CellRun(null, 1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(run.group(), () -> {
            CellRun.CURRENT.set(run);
            thrown.set(causeOf(spin));
        }, "spinner");
        t.start();
        awaitFrame(t, "spin");
        run.requestStop("interrupted");
        t.join(5_000);
        assertInstanceOf(Stop.CellStopped.class, thrown.get());
        Stop.settle();
    }

    /** Waits (30 s at most) until the thread is running inside the named method, so a stop lands mid-loop. */
    private static void awaitFrame(Thread t, String method) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (java.util.Arrays.stream(t.getStackTrace()).noneMatch(f -> f.getMethodName().equals(method))) {
            assertTrue(System.nanoTime() < deadline, "the thread never entered " + method);
            Thread.onSpinWait();
        }
    }

    @Test
    void virtualThreadsAreRegisteredWithTheirCell() throws Exception {
        Method virtual = rewrittenSample().getMethod("virtual");
        CellRun run = new CellRun(null, 2);
        CellRun.CURRENT.set(run);
        try {
            Thread started = (Thread) virtual.invoke(null);
            started.join();
            assertTrue(started.isVirtual());
            assertEquals(0, run.liveThreads().size());
        } finally {
            CellRun.CURRENT.remove();
        }
    }
}
