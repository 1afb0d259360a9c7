package racecourse.patterns.rwlock;

import java.util.List;
import java.util.function.IntFunction;

/** The price board variants and their shared helpers. Thread-safe (static methods only). */
public final class PriceBoards {
    private PriceBoards() {
    }

    /** The variants the lesson compares, by name, each made with a board size. */
    public record Variant(String name, IntFunction<PriceBoard> maker) {
        /** A new board of this variant. */
        public PriceBoard make(int size) {
            return maker.apply(size);
        }
    }

    /** Mutex, read/write lock and stamped lock, in that order. */
    public static List<Variant> variants() {
        return List.of(new Variant("mutex", MutexPriceBoard::new),
                new Variant("read/write lock", ReadWriteLockPriceBoard::new),
                new Variant("StampedLock (optimistic)", StampedLockPriceBoard::new));
    }

    static int checkSize(int size) {
        if (size < 1) throw new IllegalArgumentException("a price board needs at least one price, got " + size);
        return size;
    }

    static long sum(long[] prices) {
        long total = 0;
        for (long p : prices) total += p;
        return total;
    }
}
