package racecourse.patterns.icons;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * An icon cache filled completely in its constructor and never written again. The map is an unmodifiable copy
 * ({@link Map#copyOf}) held in a {@code final} field, so every thread that can see the cache sees the full map
 * (the final-field guarantee of the Java Memory Model), and since nobody writes, there is nothing to race with.
 * Thread-safe, without a lock.
 */
public final class EagerIconCache implements IconCache {
    private final Map<String, Icon> icons;

    /** Loads every icon in {@code names} now. */
    public EagerIconCache(IconLoader loader, Collection<String> names) {
        Map<String, Icon> loading = new HashMap<>();
        for (String name : names) loading.put(name, loader.load(name));
        this.icons = Map.copyOf(loading); // the only write; after the constructor the map never changes
    }

    /**
     * The icon called {@code name}.
     *
     * @throws IllegalArgumentException if {@code name} was not among the names loaded at construction
     */
    @Override
    public Icon icon(String name) {
        Icon icon = icons.get(name);
        if (icon == null) {
            throw new IllegalArgumentException("no icon named '" + name + "'; this cache holds " + icons.keySet());
        }
        return icon;
    }

    /** The names this cache holds. */
    public Set<String> names() {
        return icons.keySet();
    }
}
