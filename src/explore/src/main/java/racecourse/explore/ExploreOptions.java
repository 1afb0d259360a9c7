package racecourse.explore;

import racecourse.explore.sched.Run;
import racecourse.explore.sched.Strategy;
import racecourse.explore.strategy.DepthFirst;
import racecourse.explore.strategy.IterativeBounding;
import racecourse.explore.strategy.Pct;
import racecourse.explore.strategy.RandomWalk;
import racecourse.explore.strategy.Replay;

/**
 * How to explore: the strategy and its budget, the seed, and the limits of one schedule. Immutable (so
 * thread-safe); each {@code with...} method returns a copy.
 *
 * @param strategy  "dpor" (every trace once, the default), "exhaustive" (every schedule), "pct" or "random"
 * @param bound     the preemption bound for the exhaustive strategies (rounds 0..bound), or -1 for none
 * @param schedules the most schedules to run
 * @param seed      the seed of "pct" and "random"
 * @param depth     the PCT bug depth
 * @param maxSteps  steps per schedule before "livelock or endless loop"
 * @param threadCap most threads a schedule may have
 * @param replay    a schedule to run alone, or null
 * @param races     whether to check every explored schedule for data races
 */
public record ExploreOptions(String strategy, int bound, int schedules, long seed, int depth, int maxSteps,
                             int threadCap, String replay, boolean races) {
    /** The default schedule budget. */
    public static final int DEFAULT_SCHEDULES = 100_000;
    /** The default step limit per schedule. */
    public static final int DEFAULT_MAX_STEPS = 10_000;

    /** Checks the options. */
    public ExploreOptions {
        if (!java.util.Set.of("dpor", "source", "exhaustive", "pct", "random").contains(strategy)) {
            throw new IllegalArgumentException("unknown strategy '" + strategy
                    + "': use dpor, source, exhaustive, pct or random");
        }
        if (schedules < 1) throw new IllegalArgumentException("the number of schedules must be at least 1");
        if (maxSteps < 1) throw new IllegalArgumentException("max steps must be at least 1");
        if (threadCap < 1 || threadCap > 63) throw new IllegalArgumentException("the thread cap must be 1..63");
        if (depth < 1) throw new IllegalArgumentException("the PCT depth must be at least 1");
    }

    /** Every trace once, at most 100,000 schedules, 10,000 steps each, 63 threads, seed 0, PCT depth 3. */
    public static ExploreOptions defaults() {
        return new ExploreOptions("dpor", -1, DEFAULT_SCHEDULES, 0, 3, DEFAULT_MAX_STEPS, 63, null, true);
    }

    /** With another strategy. */
    public ExploreOptions withStrategy(String s) {
        return new ExploreOptions(s, bound, schedules, seed, depth, maxSteps, threadCap, replay, races);
    }

    /** With a preemption bound. */
    public ExploreOptions withBound(int b) {
        return new ExploreOptions(strategy, b, schedules, seed, depth, maxSteps, threadCap, replay, races);
    }

    /** With a schedule budget. */
    public ExploreOptions withSchedules(int n) {
        return new ExploreOptions(strategy, bound, n, seed, depth, maxSteps, threadCap, replay, races);
    }

    /** With a seed. */
    public ExploreOptions withSeed(long s) {
        return new ExploreOptions(strategy, bound, schedules, s, depth, maxSteps, threadCap, replay, races);
    }

    /** With a PCT depth. */
    public ExploreOptions withDepth(int d) {
        return new ExploreOptions(strategy, bound, schedules, seed, d, maxSteps, threadCap, replay, races);
    }

    /** With a step limit. */
    public ExploreOptions withMaxSteps(int n) {
        return new ExploreOptions(strategy, bound, schedules, seed, depth, n, threadCap, replay, races);
    }

    /** With a thread cap. */
    public ExploreOptions withThreadCap(int n) {
        return new ExploreOptions(strategy, bound, schedules, seed, depth, maxSteps, n, replay, races);
    }

    /** Running only the given schedule. */
    public ExploreOptions withReplay(String schedule) {
        return new ExploreOptions(strategy, bound, schedules, seed, depth, maxSteps, threadCap, schedule, races);
    }

    /** With or without the data-race check on every schedule. */
    public ExploreOptions withRaces(boolean on) {
        return new ExploreOptions(strategy, bound, schedules, seed, depth, maxSteps, threadCap, replay, on);
    }

    /** The strategy object these options describe. */
    Strategy newStrategy() {
        if (replay != null) return Replay.parse(replay);
        if (bound >= 0 && (strategy.equals("dpor") || strategy.equals("source") || strategy.equals("exhaustive"))) {
            return new IterativeBounding(bound);
        }
        return switch (strategy) {
            case "exhaustive" -> new DepthFirst(false, -1);
            case "source" -> new DepthFirst(true, true, -1);
            case "pct" -> new Pct(seed, schedules, depth);
            case "random" -> new RandomWalk(seed, schedules);
            default -> new DepthFirst(true, -1);
        };
    }

    /** The limits of one schedule. */
    Run.Config runConfig(boolean trace) {
        return new Run.Config(maxSteps, threadCap, 10_000, 1_500, trace, races);
    }
}
