package racecourse.stress;

import java.time.Duration;
import java.util.Objects;

/**
 * How long and how a stress run goes. Immutable: every method returns a changed copy.
 *
 * @param time budget for counted samples, after the warm-up
 * @param warmup time whose samples are run but not counted in the table (they still set first-seen times)
 * @param seed drives the batch-size jitter and, with more actors than cores, the grouping of actors on threads
 * @param maxSamples stop after about this many counted samples
 * @param untilSeen stop as soon as this outcome id has been counted, or null
 * @param batchSize samples per batch (fresh state objects between two checkpoints)
 * @param progress show a progress line in the notebook and update it in place
 * @param cores worker threads available; the engine never uses more threads than this
 */
public record StressOptions(Duration time, Duration warmup, long seed, long maxSamples, String untilSeen,
                            int batchSize, boolean progress, int cores) {
    public StressOptions {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(warmup, "warmup");
        if (time.isNegative() || warmup.isNegative()) throw new IllegalArgumentException("durations must not be negative");
        if (maxSamples <= 0) throw new IllegalArgumentException("maxSamples must be positive");
        if (batchSize < 1 || batchSize > 50_000_000) throw new IllegalArgumentException("batchSize must be 1 to 50,000,000");
        if (cores < 1) throw new IllegalArgumentException("cores must be at least 1");
    }

    /** One second, 100 ms warm-up, a seed from the clock, batches of 100,000, progress shown. */
    public static StressOptions defaults() {
        return new StressOptions(Duration.ofSeconds(1), Duration.ofMillis(100), System.nanoTime() & 0xFFFFFFL,
                Long.MAX_VALUE, null, 100_000, true, Runtime.getRuntime().availableProcessors());
    }

    public StressOptions time(Duration time) {
        return new StressOptions(time, warmup, seed, maxSamples, untilSeen, batchSize, progress, cores);
    }

    public StressOptions warmup(Duration warmup) {
        return new StressOptions(time, warmup, seed, maxSamples, untilSeen, batchSize, progress, cores);
    }

    public StressOptions seed(long seed) {
        return new StressOptions(time, warmup, seed, maxSamples, untilSeen, batchSize, progress, cores);
    }

    public StressOptions maxSamples(long maxSamples) {
        return new StressOptions(time, warmup, seed, maxSamples, untilSeen, batchSize, progress, cores);
    }

    public StressOptions untilSeen(String outcomeId) {
        return new StressOptions(time, warmup, seed, maxSamples, outcomeId, batchSize, progress, cores);
    }

    public StressOptions batchSize(int batchSize) {
        return new StressOptions(time, warmup, seed, maxSamples, untilSeen, batchSize, progress, cores);
    }

    public StressOptions progress(boolean progress) {
        return new StressOptions(time, warmup, seed, maxSamples, untilSeen, batchSize, progress, cores);
    }

    public StressOptions cores(int cores) {
        return new StressOptions(time, warmup, seed, maxSamples, untilSeen, batchSize, progress, cores);
    }
}
