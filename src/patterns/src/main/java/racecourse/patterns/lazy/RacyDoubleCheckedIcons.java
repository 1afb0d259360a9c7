package racecourse.patterns.lazy;

import java.util.Map;
import racecourse.patterns.icons.Icon;
import racecourse.patterns.icons.IconCache;
import racecourse.patterns.icons.IconLoader;

/**
 * Double-checked locking without {@code volatile}: check the field without the lock, and only if it is null
 * take the lock, check again and load. Loading now happens once, but the first, unlocked check is a read with
 * no happens-before edge from the write in the lock, so a reader may see the field set and the map's contents
 * not yet written. The race detector reports the unlocked read. Not thread-safe.
 */
public final class RacyDoubleCheckedIcons implements IconCache {
    private final IconLoader loader;
    private final Object lock = new Object();
    private Map<String, Icon> icons; // written under lock but read without it: the bug this class shows

    /** An unloaded icon set that loads with {@code loader}. */
    public RacyDoubleCheckedIcons(IconLoader loader) {
        this.loader = loader;
    }

    @Override
    public Icon icon(String name) {
        Map<String, Icon> seen = icons; // racy read
        if (seen == null) {
            synchronized (lock) {
                seen = icons;
                if (seen == null) {
                    seen = IconSet.load(loader);
                    icons = seen;
                }
            }
        }
        return seen.get(name);
    }
}
