package racecourse.race.instrument;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import racecourse.race.edges.Session;
import racecourse.race.edges.Tracker;
import racecourse.race.report.RaceLog;

/**
 * Test fixtures rewritten by the detector's instrumentation and loaded, each in a loader of its own, so that the
 * JVM verifies every method; with the calls and the session the tests around them need. Not thread-safe.
 */
final class Rewritten {
    private Rewritten() {
    }

    /** The class file of fixture {@code className}, rewritten as the agent rewrites a class it loads. */
    static byte[] bytes(String className) throws Exception {
        byte[] out = new ClassInstrumenter(Rewritten.class.getClassLoader(), true)
                .instrument(DetectorModeTests.bytes(className));
        assertNotNull(out);
        return out;
    }

    /** Loads and initializes a fresh copy of the rewritten fixture {@code className}. */
    static Class<?> load(String className) throws Exception {
        return define(className, bytes(className));
    }

    /** Defines and initializes class {@code className} from {@code bytes}, alone in a loader of its own. */
    static Class<?> define(String className, byte[] bytes) throws Exception {
        return define(className, bytes, true);
    }

    /** Defines class {@code className} from {@code bytes}, alone in a loader of its own; initializes it if asked. */
    static Class<?> define(String className, byte[] bytes, boolean initialize) throws ClassNotFoundException {
        return Class.forName(className, initialize, new Isolated(bytes, className));
    }

    /** Begins a tracking session that reports up to 10 races. */
    static Session begin() {
        Session s = new Session(new RaceLog(10, null, null, null));
        Tracker.begin(s);
        return s;
    }

    /**
     * Calls the public method {@code name} of {@code c} that takes as many arguments, on {@code on} (null for a
     * static one); returns its result, or the simple name of what it threw.
     */
    static Object call(Class<?> c, Object on, String name, Object... args) throws Exception {
        for (Method m : c.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.length) {
                try {
                    return m.invoke(on, args);
                } catch (InvocationTargetException e) {
                    return e.getCause().getClass().getSimpleName();
                }
            }
        }
        throw new AssertionError("no method " + name);
    }

    /** Defines one class from given bytes; everything else comes from the test's loader. */
    private static final class Isolated extends ClassLoader {
        private final byte[] bytes;
        private final String own;

        Isolated(byte[] bytes, String own) {
            super(Rewritten.class.getClassLoader());
            this.bytes = bytes;
            this.own = own;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(own)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                return c != null ? c : defineClass(name, bytes, 0, bytes.length);
            }
        }
    }
}
