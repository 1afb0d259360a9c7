package racecourse.patterns.lazy;

import java.util.Map;
import racecourse.patterns.icons.Icon;
import racecourse.patterns.icons.IconCache;
import racecourse.patterns.icons.IconLoader;

/**
 * Double-checked locking done right: the field is {@code volatile}. The write of the filled map is a volatile
 * write and the unlocked check a volatile read, so a reader that sees the map also sees everything written
 * before it was published (volatile write happens-before the read that sees it). After loading, a call costs one
 * volatile read, which on x86 is an ordinary load. Thread-safe.
 *
 * <p>Memory consistency effects: loading the icons happens-before every {@code icon} call that returns one.
 */
public final class DoubleCheckedIcons implements IconCache {
    private final IconLoader loader;
    private final Object lock = new Object();
    private volatile Map<String, Icon> icons; // written under lock, read without it; volatile makes that safe

    /** An unloaded icon set that loads with {@code loader}. */
    public DoubleCheckedIcons(IconLoader loader) {
        this.loader = loader;
    }

    @Override
    public Icon icon(String name) {
        Map<String, Icon> seen = icons; // one volatile read on the fast path
        if (seen == null) {
            synchronized (lock) {
                seen = icons;
                if (seen == null) {
                    seen = Map.copyOf(IconSet.load(loader));
                    icons = seen;
                }
            }
        }
        return seen.get(name);
    }
}
