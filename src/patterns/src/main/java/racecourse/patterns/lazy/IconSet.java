package racecourse.patterns.lazy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import racecourse.patterns.icons.Icon;
import racecourse.patterns.icons.IconLoader;

/** The fixed set of icons every lazy variant loads, all at once, on first use. Thread-safe (static, immutable). */
public final class IconSet {
    /** The names loaded, in loading order. */
    public static final List<String> NAMES = List.of("spades.png", "hearts.png", "diamonds.png", "clubs.png",
            "joker.png", "back.png", "ace.png", "king.png");

    /** The last name loaded: a reader that finds it missing saw the map before it was filled. */
    public static final String LAST = NAMES.getLast();

    private IconSet() {
    }

    /** Loads every icon into {@code into}, one by one, in {@link #NAMES} order. */
    public static <M extends Map<String, Icon>> M fill(M into, IconLoader loader) {
        for (String name : NAMES) into.put(name, loader.load(name));
        return into;
    }

    /** A new map, large enough never to resize, for the icons. */
    public static HashMap<String, Icon> emptyMap() {
        return HashMap.newHashMap(NAMES.size());
    }

    /** A new map holding every icon. */
    public static Map<String, Icon> load(IconLoader loader) {
        return fill(emptyMap(), loader);
    }
}
