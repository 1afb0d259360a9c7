package racecourse.patterns.lazy;

import java.util.Map;
import racecourse.patterns.icons.Icon;
import racecourse.patterns.icons.IconCache;
import racecourse.patterns.icons.IconLoader;

/**
 * Load on first use behind a lock: every call takes the lock, checks, loads if needed and reads. Simple and
 * correct; the price is a lock acquisition on every call, long after the map stopped changing, and readers that
 * queue behind one another under contention. Thread-safe.
 */
public final class SynchronizedIcons implements IconCache {
    private final IconLoader loader;
    private final Object lock = new Object();
    private Map<String, Icon> icons; // guarded by lock

    /** An unloaded icon set that loads with {@code loader}. */
    public SynchronizedIcons(IconLoader loader) {
        this.loader = loader;
    }

    @Override
    public Icon icon(String name) {
        synchronized (lock) {
            if (icons == null) icons = IconSet.load(loader);
            return icons.get(name);
        }
    }
}
