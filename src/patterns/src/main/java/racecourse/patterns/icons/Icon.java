package racecourse.patterns.icons;

import java.util.Objects;

/**
 * A decoded icon, reduced to what the lessons need: its name, its size in pixels and a checksum of its pixels.
 * A record whose components are all immutable values, so an {@code Icon} never changes once made. Thread-safe.
 *
 * @param name the icon's name, e.g. {@code "spades.png"}
 * @param size width and height in pixels
 * @param checksum a checksum of the pixels
 */
public record Icon(String name, int size, long checksum) {
    public Icon {
        Objects.requireNonNull(name, "name");
        if (size <= 0) throw new IllegalArgumentException("icon size must be positive, got " + size);
    }
}
