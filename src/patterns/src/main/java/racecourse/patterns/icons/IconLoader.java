package racecourse.patterns.icons;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * "Decodes" icons: a deterministic computation that takes a few microseconds, standing in for reading and
 * decoding an image file, and counts how many times it was asked to. Thread-safe.
 */
public final class IconLoader {
    private final int size;
    private final AtomicInteger loads = new AtomicInteger();

    /** A loader of icons {@code size} pixels wide and high. */
    public IconLoader(int size) {
        if (size <= 0) throw new IllegalArgumentException("icon size must be positive, got " + size);
        this.size = size;
    }

    /** A loader of 16 x 16 icons. */
    public IconLoader() {
        this(16);
    }

    /** Decodes the icon called {@code name}; every call does the whole work again. */
    public Icon load(String name) {
        loads.incrementAndGet();
        long h = 1125899906842597L;
        for (int pixel = 0; pixel < size * size; pixel++) {
            h = 31 * h + name.charAt(pixel % name.length()) + pixel;
        }
        return new Icon(name, size, h);
    }

    /** How many times {@link #load} was called. */
    public int loads() {
        return loads.get();
    }
}
