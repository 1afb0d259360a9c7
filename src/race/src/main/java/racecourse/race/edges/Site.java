package racecourse.race.edges;

import java.lang.ref.WeakReference;
import java.lang.reflect.Field;

/**
 * One instrumented place in a tracked class: a field access, an array access, or a call that carries a
 * synchronization edge. Created at instrumentation time; the field it names is resolved on first use.
 * Thread-safe: immutable apart from the lazily resolved field, published through a volatile.
 */
public final class Site {
    /** Access to an instance field. */
    public static final int FIELD = 0;
    /** Access to a static field. */
    public static final int STATIC = 1;
    /** Access to an array element. */
    public static final int ARRAY = 2;
    /** A call to a method with a modelled effect (see {@link CallSpec}). */
    public static final int CALL = 3;

    final int id;
    final int kind;
    final boolean write;
    final String className;
    final String method;
    final String file;
    final int line;
    final String owner;
    final String name;
    final int flags;
    final int[] wrap;
    private final WeakReference<ClassLoader> loader;
    private volatile FieldInfo field;

    Site(int id, int kind, boolean write, String className, String method, String file, int line,
         String owner, String name, int flags, int[] wrap, ClassLoader loader, FieldInfo known) {
        this.id = id;
        this.kind = kind;
        this.write = write;
        this.className = className;
        this.method = method;
        this.file = file;
        this.line = line;
        this.owner = owner;
        this.name = name;
        this.flags = flags;
        this.wrap = wrap;
        this.loader = new WeakReference<>(loader);
        this.field = known;
    }

    /** Returns the binary name of the class holding this site. */
    public String className() {
        return className;
    }

    /** Returns the method holding this site. */
    public String method() {
        return method;
    }

    /** Returns the source file name, or null. */
    public String file() {
        return file;
    }

    /** Returns the source line, or -1. */
    public int line() {
        return line;
    }

    /** Returns the called method's name for a call site, or the field name. */
    public String name() {
        return name;
    }

    /** Returns the field this site accesses, resolving it on first use. */
    FieldInfo field(Object obj) {
        FieldInfo f = field;
        if (f == null) {
            f = resolve(obj);
            field = f;
        }
        return f;
    }

    private FieldInfo resolve(Object obj) {
        String dotted = owner.replace('/', '.');
        Class<?> c = null;
        if (obj != null) {
            for (Class<?> k = obj.getClass(); k != null; k = k.getSuperclass()) {
                if (k.getName().equals(dotted)) {
                    c = k;
                    break;
                }
            }
        }
        if (c == null) {
            try {
                c = Class.forName(dotted, false, loader.get());
            } catch (Throwable e) {
                c = null;
            }
        }
        Field f = c == null ? null : find(c, name);
        return f != null ? FieldInfo.of(f) : FieldInfo.unresolved(owner, name, kind == STATIC);
    }

    /** Returns the class loader of the instrumented class, or null once it was collected. */
    ClassLoader loader() {
        return loader.get();
    }

    /** Returns field {@code name} of {@code c} or of a superclass or interface, or null. */
    static Field find(Class<?> c, String name) {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            try {
                return k.getDeclaredField(name);
            } catch (NoSuchFieldException | SecurityException | LinkageError e) {
                // keep looking: the field may be inherited
            }
            for (Class<?> i : k.getInterfaces()) {
                Field f = find(i, name);
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }

    /** Returns a key naming this site's source location, used to report each pair of locations once. */
    public String locationKey() {
        return className + ":" + line;
    }
}
