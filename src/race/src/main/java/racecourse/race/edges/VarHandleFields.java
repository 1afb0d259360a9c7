package racecourse.race.edges;

import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDesc;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Optional;
import racecourse.race.shadow.WeakIdentityMap;

/**
 * Finds the field a {@code VarHandle} accesses, from the handle's nominal description ({@code VarHandleDesc}:
 * the declaring class, the field's name), for the detector and for the schedule explorer. The detector's answers
 * are kept per handle, which does not keep handles alive.
 * Thread-safe: the cache is a thread-safe map, and two threads that resolve one handle at once find the same
 * canonical {@link FieldInfo}.
 */
public final class VarHandleFields {
    /** Stands for "this handle is not a field's" in the cache. */
    private static final FieldInfo NONE = new FieldInfo(-1, "", false, true, false);
    private static final WeakIdentityMap<FieldInfo> CACHE = new WeakIdentityMap<>();

    private VarHandleFields() {
    }

    /**
     * Returns the field {@code handle} accesses, or null when it is not a field's handle (an array element, a
     * byte-buffer view) or cannot be described. {@code obj} is the object of an instance field (else null) and
     * {@code site} the access site, whose class loader finds the declaring class of a static field.
     */
    static FieldInfo of(VarHandle handle, Object obj, Site site) {
        FieldInfo f = CACHE.get(handle);
        if (f == null) {
            f = resolve(handle, site);
            CACHE.put(handle, f);
        }
        return f == NONE ? null : f;
    }

    private static FieldInfo resolve(VarHandle handle, Site site) {
        Field field = field(handle, site.loader());
        return field == null ? NONE : FieldInfo.of(field);
    }

    /**
     * The field {@code handle} accesses, or null when it is not a field's handle (an array element, a byte-buffer
     * view) or cannot be described. {@code loader} finds the declaring class of a static field.
     */
    public static Field field(VarHandle handle, ClassLoader loader) {
        try {
            List<Class<?>> coordinates = handle.coordinateTypes();
            if (coordinates.size() > 1) {
                return null;
            }
            Optional<VarHandle.VarHandleDesc> described = handle.describeConstable();
            if (described.isEmpty()) {
                return null;
            }
            VarHandle.VarHandleDesc desc = described.get();
            List<ConstantDesc> args = desc.bootstrapArgsList();
            if (args.size() != 2 || !(args.getFirst() instanceof ClassDesc owner)) {
                return null;
            }
            Class<?> c = coordinates.size() == 1 ? coordinates.getFirst() : load(owner, loader);
            return c == null ? null : Site.find(c, desc.constantName());
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static Class<?> load(ClassDesc owner, ClassLoader loader) {
        String d = owner.descriptorString();
        if (!d.startsWith("L")) {
            return null;
        }
        String name = d.substring(1, d.length() - 1).replace('/', '.');
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }
}
