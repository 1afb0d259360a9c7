package racecourse.grader.sandbox;

import java.util.Map;
import java.util.Set;

/**
 * Defines classes from bytes held in memory. For submission code the parent is the platform loader, so the
 * submission cannot even load the harness or JUnit by name; only the names in {@code shared} (the rewriter's
 * {@link Denied}, and prefixes ending in a dot such as the race detector's hook package, which its instrumentation
 * calls) come from the application loader. The submission itself cannot name them: the rewrite blocks every
 * {@code racecourse} class. Thread-safe (parallel capable, immutable map).
 */
public final class ByteClassLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> classes;
    private final Set<String> shared;
    private final java.security.ProtectionDomain domain;

    /** A loader for {@code classes} (binary name to bytes) over {@code parent}, delegating {@code shared} names. */
    public ByteClassLoader(String name, Map<String, byte[]> classes, ClassLoader parent, Set<String> shared) {
        this(name, classes, parent, shared, null);
    }

    /**
     * As above, defining every class in {@code domain} (null: the default domain). The grader defines its tests in
     * its own jar's domain, so grader-owned code is recognised by its code source, never by a class name.
     */
    public ByteClassLoader(String name, Map<String, byte[]> classes, ClassLoader parent, Set<String> shared,
            java.security.ProtectionDomain domain) {
        super(name, parent);
        this.classes = Map.copyOf(classes);
        this.shared = Set.copyOf(shared);
        this.domain = domain;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (shared.contains(name) || shared.stream().anyMatch(p -> p.endsWith(".") && name.startsWith(p))) {
            return ByteClassLoader.class.getClassLoader().loadClass(name);
        }
        return super.loadClass(name, resolve);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length, domain);
    }
}
