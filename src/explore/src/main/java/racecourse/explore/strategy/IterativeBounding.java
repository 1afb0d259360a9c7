package racecourse.explore.strategy;

import racecourse.explore.sched.Chooser;
import racecourse.explore.sched.Ending;
import racecourse.explore.sched.Run;
import racecourse.explore.sched.Strategy;

/**
 * Iterative context bounding: every schedule with 0 preemptions, then those with exactly 1, then 2, up to a
 * bound; each schedule is counted once, in the round of its own number of preemptions. Not thread-safe.
 */
public final class IterativeBounding implements Strategy {
    private final int maxBound;
    private int bound;
    private DepthFirst round;

    /** Rounds 0 to {@code maxBound}. */
    public IterativeBounding(int maxBound) {
        if (maxBound < 0) throw new IllegalArgumentException("the preemption bound must be 0 or more");
        this.maxBound = maxBound;
        this.round = new DepthFirst(false, 0);
    }

    @Override
    public boolean hasNext() {
        while (!round.hasNext() && bound < maxBound) {
            bound++;
            round = new DepthFirst(false, bound);
        }
        return round.hasNext();
    }

    @Override
    public Chooser next() {
        return round.next();
    }

    @Override
    public void done(Run run, Ending ending) {
        round.done(run, ending);
    }

    @Override
    public boolean counts(Run run) {
        return run.preemptions() == bound;
    }

    @Override
    public boolean exhaustive() {
        return true;
    }

    @Override
    public String describe() {
        return "every schedule with 0, then 1, ... up to " + maxBound + " preemptions";
    }
}
