package racecourse.stress.engine;

/**
 * Measures how much of a batch two actors really ran at the same moment. Each actor runs its share of a batch in
 * chunks of {@value #CHUNK} samples and stamps the clock ({@link System#nanoTime()}) before every chunk and after
 * the last; chunk {@code k} of every actor covers the same samples. A chunk counts as overlapped when the time spans
 * of chunk {@code k} of at least two actors intersect, so those samples had a chance to race. Actors run one
 * after another on one thread never overlap; an actor preempted in the middle of a chunk can add at most that one
 * chunk. Thread-safe (stateless).
 */
public final class Overlap {
    /** Samples between two clock stamps: small enough to be fine-grained, large enough to cost nothing. */
    public static final int CHUNK = 256;

    private Overlap() {
    }

    /** How many chunks a batch of {@code n} samples has. */
    public static int chunks(int n) {
        return (n + CHUNK - 1) / CHUNK;
    }

    /**
     * The samples of a batch during which at least two actors ran at once.
     *
     * @param stamps per actor, {@code chunks(n) + 1} clock readings: the start of each chunk, then the end
     * @param n samples in the batch
     * @return overlapped samples, from 0 to {@code n}
     * @throws IllegalArgumentException when an actor has too few stamps
     */
    public static long overlappedSamples(long[][] stamps, int n) {
        int chunks = chunks(n);
        for (long[] s : stamps) {
            if (s.length < chunks + 1) throw new IllegalArgumentException("need " + (chunks + 1) + " stamps per actor");
        }
        long overlapped = 0;
        for (int k = 0; k < chunks; k++) {
            if (anyPairMeets(stamps, k)) overlapped += Math.min(CHUNK, n - (long) k * CHUNK);
        }
        return overlapped;
    }

    private static boolean anyPairMeets(long[][] stamps, int k) {
        for (int a = 0; a < stamps.length; a++) {
            for (int b = a + 1; b < stamps.length; b++) {
                long start = Math.max(stamps[a][k], stamps[b][k]);
                long end = Math.min(stamps[a][k + 1], stamps[b][k + 1]);
                if (start < end) return true;
            }
        }
        return false;
    }
}
