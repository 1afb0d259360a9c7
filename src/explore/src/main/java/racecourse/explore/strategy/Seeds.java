package racecourse.explore.strategy;

/** Derives one schedule's seed from an exploration's seed. Thread-safe (stateless). */
final class Seeds {
    private Seeds() {
    }

    /** A well-mixed seed for schedule number {@code index}. */
    static long mix(long seed, long index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
