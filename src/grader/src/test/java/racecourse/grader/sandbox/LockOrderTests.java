package racecourse.grader.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import racecourse.grader.step.CompileJava;

/**
 * A lock-order cycle is found from one thread, on every run, for monitors and for {@code java.util.concurrent}
 * locks alike; locks always taken in one order are not flagged. In-process, no child JVM.
 */
class LockOrderTests {
    private static final String SOURCE = """
            import java.util.concurrent.locks.*;
            public class Locks {
                private final Object a = new Object();
                private final Object b = new Object();
                private final Lock x = new ReentrantLock();
                private final Lock y = new ReentrantLock();
                public void ab() { synchronized (a) { synchronized (b) { } } }
                public void ba() { synchronized (b) { synchronized (a) { } } }
                public void xy() { x.lock(); try { y.lock(); try { } finally { y.unlock(); } } finally { x.unlock(); } }
                public void yx() { y.lock(); try { x.lock(); try { } finally { x.unlock(); } } finally { y.unlock(); } }
                public synchronized void thisThenA() { synchronized (a) { } }
                public void aThenThis() { synchronized (a) { thisThenA(); } }
            }
            """;

    private static Object load() throws Exception {
        CompileJava.Output out = CompileJava.compile(Map.of("Locks.java", SOURCE), "");
        assertTrue(out.ok(), out.errors().toString());
        Map<String, byte[]> rewritten = new Rewriter(out.classes().keySet()).rewrite(out.classes());
        ByteClassLoader loader = new ByteClassLoader("submission", rewritten, ClassLoader.getPlatformClassLoader(),
                Set.of(Denied.class.getName(), LockOrder.class.getName()));
        return Class.forName("Locks", true, loader).getConstructor().newInstance();
    }

    private static List<String> run(Object locks, String... methods) throws Exception {
        LockOrder.takeCycles();
        for (String m : methods) {
            locks.getClass().getMethod(m).invoke(locks);
        }
        return LockOrder.takeCycles();
    }

    @Test
    void oppositeOrdersAreACycleFoundFromOneThread() throws Exception {
        for (String[] pair : new String[][] {{"ab", "ba"}, {"xy", "yx"}, {"thisThenA", "aThenThis"}}) {
            List<String> cycles = run(load(), pair);
            assertEquals(1, cycles.size(), String.join(",", pair) + ": " + cycles);
            assertTrue(cycles.get(0).contains("Locks." + pair[0]),
                    cycles.get(0));
        }
    }

    @Test
    void oneOrderIsNoCycle() throws Exception {
        assertEquals(List.of(), run(load(), "ab", "ab", "xy", "xy", "thisThenA", "thisThenA"));
    }
}
