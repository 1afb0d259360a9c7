package racecourse.patterns.icons;

import java.util.HashMap;
import java.util.Map;

/**
 * The lazy icon cache made safe the blunt way: every request, hit or miss, takes one lock, so requests from
 * different threads never overlap, even when all they do is read. Thread-safe.
 */
public final class LockedLazyIconCache implements IconCache {
    private final IconLoader loader;
    private final Object lock = new Object();
    private final Map<String, Icon> icons = new HashMap<>(); // guarded by lock

    /** An empty cache that loads icons with {@code loader}. */
    public LockedLazyIconCache(IconLoader loader) {
        this.loader = loader;
    }

    @Override
    public Icon icon(String name) {
        synchronized (lock) {
            return icons.computeIfAbsent(name, loader::load);
        }
    }
}
