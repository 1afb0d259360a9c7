/**
 * Lesson 7, lazy initialization: an icon set loaded on first use, done wrong (published before it is filled;
 * filled first but published without synchronization; double-checked without {@code volatile}) and done right
 * (a synchronized getter, double-checked locking with {@code volatile}, the holder-class idiom), plus a small
 * benchmark of what each costs once loaded. The icons come from {@link racecourse.patterns.icons}.
 */
package racecourse.patterns.lazy;
