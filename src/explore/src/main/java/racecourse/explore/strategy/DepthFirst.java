package racecourse.explore.strategy;

import java.util.ArrayList;
import racecourse.explore.sched.Chooser;
import racecourse.explore.sched.Ending;
import racecourse.explore.sched.Op;
import racecourse.explore.sched.Run;
import racecourse.explore.sched.Strategy;

/**
 * Every schedule, depth first, each re-run from the start. With reduction it keeps sleep sets: after the steps of
 * one thread have been explored from a state, they are not tried again from a later state reached by independent
 * steps, so each Mazurkiewicz trace (schedules that differ only in the order of independent steps) is completed
 * once. With a preemption bound, only schedules with at most that many preemptions are run. At each new step it
 * lets the thread that just ran go on, so the first schedules have the fewest switches. Not thread-safe.
 */
public final class DepthFirst implements Strategy, Chooser {
    private static final class Node {
        long enabled;
        long sleep;
        long done;
        int chosen;
        int current;
        boolean currentEnabled;
        int preemptionsBefore;
        Op[] ops;
    }

    private final boolean reduce;
    private final int bound;
    private final ArrayList<Node> stack = new ArrayList<>();
    private boolean exhausted;

    /**
     * A depth-first search.
     *
     * @param reduce whether to keep sleep sets (one schedule per trace)
     * @param bound  the most preemptions a schedule may have, or -1 for no bound
     */
    public DepthFirst(boolean reduce, int bound) {
        this.reduce = reduce;
        this.bound = bound;
    }

    @Override
    public boolean hasNext() {
        return !exhausted;
    }

    @Override
    public Chooser next() {
        return this;
    }

    @Override
    public boolean exhaustive() {
        return true;
    }

    @Override
    public String describe() {
        return (reduce ? "exhaustive with sleep-set reduction (one schedule per trace)" : "exhaustive, every schedule")
                + (bound >= 0 ? ", at most " + bound + " preemptions" : "");
    }

    private static long bit(int id) {
        return 1L << id;
    }

    @Override
    public int choose(Run run, int depth, int current, long enabled) {
        if (depth < stack.size()) {
            Node n = stack.get(depth);
            if (n.enabled != enabled || (enabled & bit(n.chosen)) == 0) {
                run.replayFailed("the program did not behave the same way when run again with the same schedule "
                        + "(it depends on time, hash codes or input); exploration stops");
                exhausted = true;
                return -1;
            }
            if (reduce) record(n, run);
            return n.chosen;
        }
        Node n = new Node();
        n.enabled = enabled;
        n.current = current;
        n.currentEnabled = current >= 0 && (enabled & bit(current)) != 0;
        if (depth > 0) {
            Node p = stack.get(depth - 1);
            n.preemptionsBefore = p.preemptionsBefore + (p.currentEnabled && p.chosen != p.current ? 1 : 0);
            if (reduce) {
                long candidates = (p.sleep | p.done) & enabled & ~bit(p.chosen);
                Op taken = p.ops[p.chosen];
                long sleep = 0;
                for (long c = candidates; c != 0; c &= c - 1) {
                    int u = Long.numberOfTrailingZeros(c);
                    if (u < p.ops.length && p.ops[u] != null && !p.ops[u].dependent(taken)) sleep |= bit(u);
                }
                n.sleep = sleep;
            }
        }
        if (reduce) record(n, run);
        long allowed = allowed(n);
        if (allowed == 0) return -1; // every way on is covered by a schedule already run (or beyond the bound)
        n.chosen = pick(n, allowed);
        stack.add(n);
        return n.chosen;
    }

    private void record(Node n, Run run) {
        if (n.ops == null || n.ops.length < run.threadCount()) n.ops = new Op[run.threadCount()];
        for (long c = n.enabled; c != 0; c &= c - 1) {
            int id = Long.numberOfTrailingZeros(c);
            n.ops[id] = run.pending(id);
        }
    }

    private long allowed(Node n) {
        long allowed = n.enabled & ~n.sleep & ~n.done;
        if (bound >= 0 && n.currentEnabled && n.preemptionsBefore >= bound) allowed &= bit(n.current);
        return allowed;
    }

    private static int pick(Node n, long allowed) {
        if (n.current >= 0 && (allowed & bit(n.current)) != 0) return n.current;
        return Long.numberOfTrailingZeros(allowed);
    }

    @Override
    public void done(Run run, Ending ending) {
        if (exhausted) return;
        while (stack.size() > run.length()) stack.removeLast();
        while (!stack.isEmpty()) {
            Node n = stack.getLast();
            n.done |= bit(n.chosen);
            long allowed = allowed(n);
            if (allowed != 0) {
                n.chosen = pick(n, allowed);
                return;
            }
            stack.removeLast();
        }
        exhausted = true;
    }
}
