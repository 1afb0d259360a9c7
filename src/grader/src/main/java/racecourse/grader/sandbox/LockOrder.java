package racecourse.grader.sandbox;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Watches the order in which the submission takes its locks (monitors and {@code java.util.concurrent} locks) and
 * records every cycle: code that takes lock A then B in one place and B then A in another can deadlock, even if the
 * run at hand never did. The verdict depends only on which code ran, never on how threads interleaved, so a
 * single-threaded test finds a lock-order deadlock every time. The rewrite calls {@link #acquiring} before each
 * lock is taken and {@link #released} after each {@code unlock}.
 *
 * <p>Thread-safe: the order graph is guarded by {@code GRAPH}; each thread's held locks are its own.
 */
public final class LockOrder {
    private static final Map<Object, Map<Object, String>> GRAPH = new IdentityHashMap<>(); // guarded by GRAPH
    private static final List<String> CYCLES = new ArrayList<>(); // guarded by GRAPH
    private static final ThreadLocal<List<Object>> HELD = ThreadLocal.withInitial(ArrayList::new);

    private LockOrder() {
    }

    /** Called just before the current thread takes {@code lock}; {@code where} names the learner's code. */
    public static void acquiring(Object lock, String where) {
        if (lock == null) {
            return;
        }
        List<Object> held = HELD.get();
        held.removeIf(h -> !stillHeld(h));
        if (held.isEmpty() || held.size() == 1 && held.get(0) == lock) {
            held.add(lock);
            return;
        }
        synchronized (GRAPH) {
            for (Object h : held) {
                if (h == lock) {
                    continue;
                }
                Map<Object, String> after = GRAPH.computeIfAbsent(h, k -> new IdentityHashMap<>());
                if (after.putIfAbsent(lock, where) == null) {
                    String back = path(lock, h);
                    if (back != null) {
                        CYCLES.add("a lock-order cycle, which can deadlock: " + where + " takes a "
                                + kind(lock) + " while holding a " + kind(h) + ", but " + back + " takes them the "
                                + "other way round. Take locks in one fixed order everywhere.");
                    }
                }
            }
        }
        held.add(lock);
    }

    /** Called after the current thread released {@code lock} with {@code unlock}. */
    public static void released(Object lock) {
        List<Object> held = HELD.get();
        for (int i = held.size() - 1; i >= 0; i--) {
            if (held.get(i) == lock) {
                held.remove(i);
                return;
            }
        }
    }

    /** The cycles found since the last call, and forgets them. */
    public static List<String> takeCycles() {
        synchronized (GRAPH) {
            List<String> out = List.copyOf(CYCLES);
            CYCLES.clear();
            return out;
        }
    }

    /** Where the code took {@code to} while holding {@code from}, following order edges; null when it never did. */
    private static String path(Object from, Object to) {
        java.util.Set<Object> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        java.util.ArrayDeque<Object> todo = new java.util.ArrayDeque<>(List.of(from));
        Map<Object, String> firstSite = new IdentityHashMap<>();
        while (!todo.isEmpty()) {
            Object n = todo.poll();
            for (Map.Entry<Object, String> e : GRAPH.getOrDefault(n, Map.of()).entrySet()) {
                if (seen.add(e.getKey())) {
                    firstSite.put(e.getKey(), firstSite.getOrDefault(n, e.getValue()));
                    if (e.getKey() == to) {
                        return firstSite.get(e.getKey());
                    }
                    todo.add(e.getKey());
                }
            }
        }
        return null;
    }

    private static boolean stillHeld(Object lock) {
        return switch (lock) {
            case ReentrantLock r -> r.isHeldByCurrentThread();
            case ReentrantReadWriteLock.WriteLock w -> w.isHeldByCurrentThread();
            case java.util.concurrent.locks.Lock l -> true; // until its unlock is seen
            default -> Thread.holdsLock(lock);
        };
    }

    private static String kind(Object lock) {
        return lock instanceof java.util.concurrent.locks.Lock ? lock.getClass().getSimpleName()
                : "monitor (synchronized on an object of class " + lock.getClass().getSimpleName() + ")";
    }
}
