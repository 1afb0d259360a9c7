package racecourse.patterns.icons;

/** Hands out icons by name. Implementations say whether they are thread-safe. */
public interface IconCache {
    /** The icon called {@code name}. */
    Icon icon(String name);
}
