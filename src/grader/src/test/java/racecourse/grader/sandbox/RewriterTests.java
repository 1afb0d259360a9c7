package racecourse.grader.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import racecourse.grader.step.CompileJava;

/** The bytecode rewrite blocks dangerous APIs without touching allowed ones; runs in-process, no child JVM. */
class RewriterTests {
    private static final String SOURCE = """
            import java.util.concurrent.*;
            import java.util.concurrent.locks.*;
            import java.util.function.*;
            public class Probe {
                public static int allowed() throws Exception {
                    var lock = new ReentrantLock();
                    lock.lock();
                    try {
                        var map = new ConcurrentHashMap<String, Integer>();
                        map.merge("a", 1, Integer::sum);
                        var f = CompletableFuture.supplyAsync(() -> 41);
                        return f.get() + map.get("a") - 1 + ("" + Runtime.getRuntime().availableProcessors()).length() * 0;
                    } finally {
                        lock.unlock();
                    }
                }
                public static void exit() { System.exit(3); }
                public static void exitByReference() { IntConsumer c = System::exit; c.accept(3); }
                public static void file() throws Exception { new java.io.FileOutputStream("x"); }
                public static void reflect() throws Exception { Probe.class.getDeclaredMethods(); }
                public static void process() throws Exception { new ProcessBuilder("true").start(); }
                public static void setOut() { System.setOut(null); }
            }
            """;

    private static Class<?> load() throws Exception {
        CompileJava.Output out = CompileJava.compile(Map.of("Probe.java", SOURCE), "");
        assertTrue(out.ok(), out.errors().toString());
        Rewriter rewriter = new Rewriter(out.classes().keySet());
        Map<String, byte[]> rewritten = rewriter.rewrite(out.classes());
        assertTrue(rewriter.blocked().containsAll(java.util.List.of("java.lang.System.exit",
                "java.io.FileOutputStream.new", "java.lang.Class.getDeclaredMethods", "java.lang.ProcessBuilder.new",
                "java.lang.System.setOut")), rewriter.blocked().toString());
        ByteClassLoader loader = new ByteClassLoader("probe", rewritten, ClassLoader.getPlatformClassLoader(),
                Set.of(Denied.class.getName(), LockOrder.class.getName()));
        return Class.forName("Probe", true, loader);
    }

    @Test
    void allowedCodeRunsUnchanged() throws Exception {
        assertEquals(41, load().getMethod("allowed").invoke(null));
    }

    @Test
    void blockedCallsThrowBeforeTheyHappen() throws Exception {
        Class<?> probe = load();
        for (String name : new String[] {"exit", "exitByReference", "file", "reflect", "process", "setOut"}) {
            Method m = probe.getMethod(name);
            InvocationTargetException e = assertThrows(InvocationTargetException.class, () -> m.invoke(null), name);
            assertTrue(e.getCause() instanceof SecurityException, name + ": " + e.getCause());
        }
    }
}
