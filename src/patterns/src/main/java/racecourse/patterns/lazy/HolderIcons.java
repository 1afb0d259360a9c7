package racecourse.patterns.lazy;

import java.util.Map;
import racecourse.patterns.icons.Icon;
import racecourse.patterns.icons.IconCache;
import racecourse.patterns.icons.IconLoader;

/**
 * The holder-class idiom: the icons live in a static final field of a nested class, and the JVM initializes
 * a class the first time it is used, exactly once, under its own lock, with initialization happening-before every
 * use. So the first {@code icon} call loads and every later one is a plain read the JIT can treat as a constant.
 * Works only for one set per class (static state). Thread-safe.
 */
public final class HolderIcons implements IconCache {
    /** The loader the holder uses; counts its loads. */
    public static final IconLoader LOADER = new IconLoader();

    private static final class Holder {
        static final Map<String, Icon> ICONS = Map.copyOf(IconSet.load(LOADER)); // runs when Holder is first used
    }

    /** A view of the one, lazily loaded, icon set. */
    public HolderIcons() {
    }

    /** Whether the icons have been loaded yet (without loading them). */
    public static boolean loaded() {
        return LOADER.loads() > 0;
    }

    @Override
    public Icon icon(String name) {
        return Holder.ICONS.get(name);
    }
}
