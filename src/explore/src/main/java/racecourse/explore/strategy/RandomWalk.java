package racecourse.explore.strategy;

import java.util.SplittableRandom;
import racecourse.explore.sched.Chooser;
import racecourse.explore.sched.Ending;
import racecourse.explore.sched.Run;
import racecourse.explore.sched.Strategy;

/**
 * A given number of schedules, each step picked uniformly among the threads that can run, from a seeded random
 * source: the same seed gives the same schedules. Not thread-safe.
 */
public final class RandomWalk implements Strategy, Chooser {
    private final long seed;
    private final int schedules;
    private int started;
    private SplittableRandom random;

    /** {@code schedules} random schedules from {@code seed}. */
    public RandomWalk(long seed, int schedules) {
        this.seed = seed;
        this.schedules = schedules;
    }

    @Override
    public boolean hasNext() {
        return started < schedules;
    }

    @Override
    public Chooser next() {
        random = new SplittableRandom(Seeds.mix(seed, started++));
        return this;
    }

    @Override
    public int choose(Run run, int depth, int current, long enabled) {
        int n = Long.bitCount(enabled);
        int k = random.nextInt(n);
        long e = enabled;
        for (int i = 0; i < k; i++) e &= e - 1;
        return Long.numberOfTrailingZeros(e);
    }

    @Override
    public void done(Run run, Ending ending) {
    }

    @Override
    public boolean exhaustive() {
        return false;
    }

    @Override
    public String describe() {
        return "random walk, " + schedules + " schedules from seed " + seed;
    }
}
