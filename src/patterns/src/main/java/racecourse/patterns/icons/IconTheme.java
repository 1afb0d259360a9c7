package racecourse.patterns.icons;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A named set of icons as a record: the compact constructor copies the map and the list it is given
 * ({@link Map#copyOf}, {@link List#copyOf}), so the caller cannot change the theme later through the collections
 * it passed in, and nobody can change it through the accessors. Immutable, and therefore thread-safe.
 *
 * @param name the theme's name
 * @param icons icons by name
 * @param order the order in which a toolbar shows them
 */
public record IconTheme(String name, Map<String, Icon> icons, List<String> order) {
    public IconTheme {
        Objects.requireNonNull(name, "name");
        icons = Map.copyOf(icons);
        order = List.copyOf(order);
        for (String n : order) {
            if (!icons.containsKey(n)) throw new IllegalArgumentException("order names '" + n + "' but there is no such icon");
        }
    }
}
