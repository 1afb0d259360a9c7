package racecourse.patterns.icons;

import java.util.HashMap;
import java.util.Map;

/**
 * An icon cache filled on demand: the first request for a name loads the icon and stores it in a plain
 * {@link HashMap}. Fine from one thread. From two threads it is broken twice over: both can miss and load the
 * same icon (a check-then-act race), and both write the map at once, which can lose entries or leave the map's
 * size and buckets disagreeing (a data race on the map's internals). Not thread-safe.
 */
public final class LazyIconCache implements IconCache {
    private final IconLoader loader;
    private final Map<String, Icon> icons = new HashMap<>();

    /** An empty cache that loads icons with {@code loader}. */
    public LazyIconCache(IconLoader loader) {
        this.loader = loader;
    }

    @Override
    public Icon icon(String name) {
        Icon icon = icons.get(name);
        if (icon == null) {
            icon = loader.load(name);
            icons.put(name, icon);
        }
        return icon;
    }

    /** How many icons the map says it holds. */
    public int size() {
        return icons.size();
    }
}
