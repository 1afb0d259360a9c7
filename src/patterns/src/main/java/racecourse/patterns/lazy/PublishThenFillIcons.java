package racecourse.patterns.lazy;

import java.util.Map;
import racecourse.patterns.icons.Icon;
import racecourse.patterns.icons.IconCache;
import racecourse.patterns.icons.IconLoader;

/**
 * Load on first use, the obvious way: if the map is missing, create it, store it in the field, then fill it.
 * A second thread that arrives while the first is filling finds the field set, skips loading, and looks up an
 * icon that is not there yet: {@code icon} returns null. Two threads can also both see null and both load.
 * Not thread-safe.
 */
public final class PublishThenFillIcons implements IconCache {
    private final IconLoader loader;
    private Map<String, Icon> icons; // no lock, no volatile: the bug this class shows

    /** An unloaded icon set that loads with {@code loader}. */
    public PublishThenFillIcons(IconLoader loader) {
        this.loader = loader;
    }

    /** The icon called {@code name}, or null if this thread saw the map before it was filled. */
    @Override
    public Icon icon(String name) {
        if (icons == null) {
            Map<String, Icon> fresh = IconSet.emptyMap();
            icons = fresh;                 // published empty ...
            IconSet.fill(fresh, loader);   // ... and filled while other threads may already be reading it
        }
        return icons.get(name);
    }
}
