package racecourse.explore.strategy;

import java.util.Arrays;
import java.util.SplittableRandom;
import racecourse.explore.sched.Chooser;
import racecourse.explore.sched.Ending;
import racecourse.explore.sched.Run;
import racecourse.explore.sched.Strategy;

/**
 * Probabilistic concurrency testing (Burckhardt et al., 2010): each schedule gives the threads random distinct
 * priorities, always runs the highest-priority thread that can run, and at {@code depth - 1} random steps lowers
 * the running thread's priority below all others. A bug of depth d among n threads and k steps is found by each
 * schedule with probability at least 1/(n k^(d-1)). The number of steps k is the longest schedule seen so far.
 * Seeded: the same seed gives the same schedules. Not thread-safe.
 */
public final class Pct implements Strategy, Chooser {
    private final long seed;
    private final int schedules;
    private final int depth;
    private int started;
    private int longest = 20;
    private SplittableRandom random;
    private final double[] priority = new double[64];
    private int[] changes = new int[0];

    /** {@code schedules} schedules of bug depth {@code depth} from {@code seed}. */
    public Pct(long seed, int schedules, int depth) {
        if (depth < 1) throw new IllegalArgumentException("the PCT depth must be at least 1");
        this.seed = seed;
        this.schedules = schedules;
        this.depth = depth;
    }

    @Override
    public boolean hasNext() {
        return started < schedules;
    }

    @Override
    public Chooser next() {
        random = new SplittableRandom(Seeds.mix(seed, started++));
        Arrays.fill(priority, 0);
        changes = new int[depth - 1];
        for (int i = 0; i < changes.length; i++) changes[i] = 1 + random.nextInt(Math.max(1, longest));
        return this;
    }

    @Override
    public int choose(Run run, int step, int current, long enabled) {
        int best = -1;
        for (long e = enabled; e != 0; e &= e - 1) {
            int id = Long.numberOfTrailingZeros(e);
            if (priority[id] == 0) priority[id] = depth + random.nextDouble(); // a new thread: a random high priority
            if (best < 0 || priority[id] > priority[best]) best = id;
        }
        for (int i = 0; i < changes.length; i++) {
            if (changes[i] == step + 1) {
                priority[best] = (i + 1.0) / depth; // below every initial priority
                best = best(enabled);
            }
        }
        return best;
    }

    private int best(long enabled) {
        int best = -1;
        for (long e = enabled; e != 0; e &= e - 1) {
            int id = Long.numberOfTrailingZeros(e);
            if (best < 0 || priority[id] > priority[best]) best = id;
        }
        return best;
    }

    @Override
    public void done(Run run, Ending ending) {
        longest = Math.max(longest, run.length());
    }

    @Override
    public boolean exhaustive() {
        return false;
    }

    @Override
    public String describe() {
        return "PCT of depth " + depth + ", " + schedules + " schedules from seed " + seed;
    }
}
