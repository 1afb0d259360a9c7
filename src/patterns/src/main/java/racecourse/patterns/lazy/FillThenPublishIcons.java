package racecourse.patterns.lazy;

import java.util.Map;
import racecourse.patterns.icons.Icon;
import racecourse.patterns.icons.IconCache;
import racecourse.patterns.icons.IconLoader;

/**
 * Load on first use that looks safe: the map is filled completely in a local variable and only then stored in the
 * field, so surely nobody can see it half filled? Not so. The store to the field and the stores inside the map are
 * plain writes with no happens-before edge to the reader, so the compiler or a weakly ordered processor may make
 * the field visible before the map's contents, and a reader may then miss icons. On x86 this is rare in practice
 * (stores become visible in order), which is why it survives testing; the race detector reports it every time
 * the two threads overlap. It can also load twice. Not thread-safe.
 */
public final class FillThenPublishIcons implements IconCache {
    private final IconLoader loader;
    private Map<String, Icon> icons; // no lock, no volatile: the bug this class shows

    /** An unloaded icon set that loads with {@code loader}. */
    public FillThenPublishIcons(IconLoader loader) {
        this.loader = loader;
    }

    @Override
    public Icon icon(String name) {
        if (icons == null) {
            icons = IconSet.load(loader); // filled, then published: still a data race on the field
        }
        return icons.get(name);
    }
}
