package racecourse.race.edges;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import racecourse.race.report.Names;

/**
 * A resolved field: its detector id, its readable name and the modifiers that decide how it is tracked.
 * Instances are canonical per declared field. Immutable, thread-safe.
 *
 * @param id detector field id (0 is the pseudo-field of a collection)
 * @param display readable name, {@code Counter.value}
 * @param isVolatile volatile: accesses are synchronization, not data
 * @param isFinal final: never raced (final-field semantics)
 * @param isStatic static: the variable is keyed by this info rather than an object
 */
public record FieldInfo(int id, String display, boolean isVolatile, boolean isFinal, boolean isStatic) {
    private static final AtomicInteger IDS = new AtomicInteger(1);
    private static final ClassValue<ConcurrentHashMap<String, FieldInfo>> BY_CLASS = new ClassValue<>() {
        @Override
        protected ConcurrentHashMap<String, FieldInfo> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };
    private static final ConcurrentHashMap<String, FieldInfo> UNRESOLVED = new ConcurrentHashMap<>();

    /** The pseudo-field standing for a whole thread-unsafe collection. */
    public static final FieldInfo COLLECTION = new FieldInfo(0, "collection", false, false, false);

    /** Returns the canonical info of a declared field. */
    public static FieldInfo of(Field f) {
        return BY_CLASS.get(f.getDeclaringClass()).computeIfAbsent(f.getName(), n -> {
            int m = f.getModifiers();
            return new FieldInfo(IDS.getAndIncrement(), Names.typeName(f.getDeclaringClass().getName()) + "." + n,
                    Modifier.isVolatile(m), Modifier.isFinal(m), Modifier.isStatic(m));
        });
    }

    /** Returns an info for a field reflection could not find, keyed by its symbolic reference. */
    public static FieldInfo unresolved(String ownerInternal, String name, boolean isStatic) {
        String dotted = ownerInternal.replace('/', '.');
        return UNRESOLVED.computeIfAbsent(dotted + "#" + name, k ->
                new FieldInfo(IDS.getAndIncrement(), Names.typeName(dotted) + "." + name, false, false, isStatic));
    }
}
