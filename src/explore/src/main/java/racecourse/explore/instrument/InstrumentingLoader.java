package racecourse.explore.instrument;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import racecourse.explore.sched.Sites;
import racecourse.race.instrument.Exclusions;
import racecourse.race.instrument.ExplorerInstrumenter;
import racecourse.race.instrument.Hierarchy;

/**
 * Loads the program under test a second time, instrumented for the explorer by the shared instrumentation's
 * explorer mode ({@link ExplorerInstrumenter}): classes that {@link Exclusions#explored} accepts are read as bytes
 * through the source loader's resources (which also serves JShell's cell classes) and defined here; all others
 * come from the source loader. A JShell wrapper class gets the current values of its top-level variables that are
 * JDK values (numbers, strings, ...). Thread-safe (class loading is synchronized per name; one class is
 * instrumented at a time).
 */
public final class InstrumentingLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final ClassLoader source;
    private final ExplorerInstrumenter instrumenter;
    private final Map<String, byte[]> done;

    /** A loader that instruments what {@code source} would load. */
    public InstrumentingLoader(ClassLoader source) {
        this(source, new ConcurrentHashMap<>());
    }

    /**
     * A loader that instruments what {@code source} would load, sharing instrumented class files with other
     * loaders through {@code done} (a fresh loader per schedule gives every schedule fresh static fields).
     */
    public InstrumentingLoader(ClassLoader source, Map<String, byte[]> done) {
        super(source);
        this.source = source;
        this.instrumenter = new ExplorerInstrumenter(source, Sites.STEPS);
        this.done = done;
    }

    /** The loader the program was loaded from. */
    public ClassLoader source() {
        return source;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!Exclusions.explored(name)) return super.loadClass(name, resolve);
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                byte[] out = done.get(name);
                if (out == null) {
                    byte[] bytes = Hierarchy.bytes(source, name.replace('.', '/'));
                    if (bytes == null) return super.loadClass(name, resolve);
                    try {
                        synchronized (instrumenter) {
                            out = instrumenter.instrument(bytes);
                        }
                    } catch (RuntimeException e) {
                        throw new ClassNotFoundException("cannot instrument " + name + ": " + e, e);
                    }
                    done.put(name, out);
                }
                c = defineClass(name, out, 0, out.length);
                if (name.startsWith("REPL.")) copyTopLevelValues(name, c);
            }
            if (resolve) resolveClass(c);
            return c;
        }
    }

    /** Copies a JShell wrapper's static variables that hold JDK values from the cell's own loaded class. */
    private void copyTopLevelValues(String name, Class<?> copy) {
        try {
            Class<?> original = Class.forName(name, false, source);
            for (Field f : original.getDeclaredFields()) {
                int mod = f.getModifiers();
                if (!Modifier.isStatic(mod) || Modifier.isFinal(mod)) continue;
                f.setAccessible(true);
                Object v = f.get(null);
                if (v != null && v.getClass().getClassLoader() != null
                        && v.getClass().getClassLoader() != ClassLoader.getPlatformClassLoader()) continue;
                Field g = copy.getDeclaredField(f.getName());
                g.setAccessible(true);
                if (g.getType() == f.getType()) g.set(null, v);
            }
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            // Not a cell wrapper we can read: its variables start from their defaults.
        }
    }
}
