package racecourse.grader.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the learner's classes are registered before tests run, by simple name (for example {@code "Bank"}).
 *
 * <p>Thread-safe. Memory consistency effects: registering a class happens-before a test that reads it when the
 * runner starts the tests after registering, as both runners do.
 */
public final class Submission {
    private static final Map<String, Class<?>> CLASSES = new ConcurrentHashMap<>();

    private Submission() {
    }

    /** Registers the learner's class under its contract name, replacing an earlier one. */
    public static void register(String name, Class<?> type) {
        CLASSES.put(name, type);
    }

    /** Removes every registered class. */
    public static void clear() {
        CLASSES.clear();
    }

    /** The class registered under {@code name}; fails the calling test with a clear message when there is none. */
    public static Class<?> get(String name) {
        Class<?> c = CLASSES.get(name);
        if (c == null) {
            throw new AssertionError("no class named " + name + " was found in your solution: define `class "
                    + name + "` in the solution cell");
        }
        return c;
    }
}
