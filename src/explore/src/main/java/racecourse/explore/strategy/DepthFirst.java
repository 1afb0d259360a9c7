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
 * lets the thread that just ran go on, so the first schedules have the fewest switches. With source sets (the
 * source-DPOR of Abdulla, Aronis, Jonsson and Sagonas, POPL 2014) it also keeps a backtrack set per step: a
 * thread is tried there only when a race found in a schedule already run needs it, so fewer partial schedules
 * are run and dropped. Not thread-safe.
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
        long backtrack; // source sets: the threads this step must try
    }

    /** Longer schedules than this get no race analysis: every thread is tried at each of their steps. */
    private static final int ANALYSED_STEPS = 2_000;

    private final boolean reduce;
    private final boolean source;
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
        this(reduce, false, bound);
    }

    /**
     * A depth-first search with sleep sets and, when {@code source}, source sets.
     *
     * @param reduce whether to keep sleep sets (one schedule per trace)
     * @param source whether to add source sets (needs {@code reduce})
     * @param bound  the most preemptions a schedule may have, or -1 for no bound
     */
    public DepthFirst(boolean reduce, boolean source, int bound) {
        if (source && !reduce) throw new IllegalArgumentException("source sets work with sleep sets");
        this.reduce = reduce;
        this.source = source;
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
        return (source ? "exhaustive with source sets and sleep sets (one schedule per trace)"
                : reduce ? "exhaustive with sleep-set reduction (one schedule per trace)" : "exhaustive, every schedule")
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
            n.preemptionsBefore = p.preemptionsBefore
                    + (p.currentEnabled && p.chosen != p.current && p.chosen != Run.END ? 1 : 0);
            if (reduce) {
                long candidates = (p.sleep | p.done) & enabled & ~bit(p.chosen);
                Op taken = p.ops[p.chosen];
                long sleep = 0;
                for (long c = candidates; c != 0; c &= c - 1) {
                    int u = Long.numberOfTrailingZeros(c);
                    if (u < p.ops.length && p.ops[u] != null && !p.ops[u].dependent(taken)) {
                        sleep |= bit(u);
                    }
                }
                n.sleep = sleep;
            }
        }
        if (reduce) record(n, run);
        long allowed = allowed(n);
        if (allowed == 0) return -1; // every way on is covered by a schedule already run (or beyond the bound)
        n.chosen = pick(n, allowed);
        n.backtrack = bit(n.chosen);
        stack.add(n);
        return n.chosen;
    }

    private void record(Node n, Run run) {
        int size = (n.enabled & bit(Run.END)) != 0 ? Run.END + 1 : run.threadCount();
        if (n.ops == null || n.ops.length < size) n.ops = new Op[size];
        for (long c = n.enabled; c != 0; c &= c - 1) {
            int id = Long.numberOfTrailingZeros(c);
            n.ops[id] = run.pending(id);
        }
    }

    private long allowed(Node n) {
        long allowed = n.enabled & ~n.sleep & ~n.done;
        if (source && n.backtrack != 0) allowed &= n.backtrack;
        if (bound >= 0 && n.currentEnabled && n.preemptionsBefore >= bound) allowed &= bit(n.current);
        return allowed;
    }

    /**
     * Source-DPOR's step after a schedule: for each race between two steps of different threads (dependent, and
     * the first not already ordered before the second by the second thread's earlier steps), the step before the
     * first must also try a thread that can start the reversed order; if none of those is in its backtrack set
     * yet, one is added (or, when none of them can run there, every thread that can). The step a thread was
     * waiting to take when the schedule ended (blocked in a deadlock, or asleep) counts as a last step of its own,
     * so that a lock it never got is still raced against the one who took it.
     */
    private void addBacktracks(Run run) {
        int length = stack.size();
        if (length > ANALYSED_STEPS) {
            for (Node n : stack) n.backtrack = n.enabled;
            return;
        }
        int count0 = run.threadCount();
        int threads = count0 + 1; // the end of the program takes the slot after the last thread
        int[] proc = new int[length + threads];
        Op[] op = new Op[length + threads];
        for (int i = 0; i < length; i++) {
            Node n = stack.get(i);
            proc[i] = n.chosen == Run.END ? count0 : n.chosen;
            op[i] = n.ops[n.chosen];
        }
        int total = length;
        for (int q = 0; q < count0; q++) {
            Op pending = run.pendingAtStop(q);
            if (pending == null || pending.kind() == Op.BEGIN) continue;
            proc[total] = q;
            op[total++] = pending;
        }
        if (run.endedProgram() && (length == 0 || stack.get(length - 1).chosen != Run.END)) {
            proc[total] = count0; // the program ended with no choice (no daemon step could run): its end is pending
            op[total++] = Op.END_OP;
        }
        boolean[] daemon = new boolean[threads];
        for (int q = 0; q < count0; q++) daemon[q] = run.daemon(q);
        int[] finalStep = null; // each thread's last step taken
        int[][] clock = new int[total][];
        int[] index = new int[total]; // the step's number within its thread, from 1
        int[] previous = new int[total]; // the thread's step before this one, or -1
        int[] last = new int[threads];
        int[] count = new int[threads];
        java.util.Arrays.fill(last, -1);
        for (int j = 0; j < total; j++) {
            if (j == length) finalStep = last.clone();
            int p = proc[j];
            int[] c = last[p] >= 0 ? clock[last[p]].clone() : new int[threads];
            for (int i = 0; i < Math.min(j, length); i++) { // a pending step orders nothing
                if (proc[i] != p && dependent(op, i, j)) join(c, clock[i]);
            }
            c[p] = ++count[p];
            clock[j] = c;
            index[j] = c[p];
            previous[j] = last[p];
            last[p] = j;
        }
        if (finalStep == null) finalStep = last.clone();
        for (int j = 0; j < total; j++) {
            for (int i = 0; i < Math.min(j, length); i++) {
                if (proc[i] == proc[j] || !dependent(op, i, j)) continue;
                if (proc[j] == count0) { // the end races only with a daemon step that no non-daemon thread waited for
                    if (!daemon[proc[i]] || endWaitsFor(i, proc, clock, index, finalStep, daemon, count0)) continue;
                } else {
                    int before = previous[j];
                    if (before >= 0 && clock[before][proc[i]] >= index[i]) continue; // ordered through j's thread
                }
                long initials = 0;
                long seen = 0;
                for (int k = i + 1; k <= j; k++) {
                    if (k < j && (k >= length || clock[k][proc[i]] >= index[i])) continue; // not in v
                    int q = proc[k];
                    if ((seen & slot(q, count0)) == 0) {
                        boolean first = true;
                        for (int m = i + 1; m < Math.min(k, length) && first; m++) {
                            if (clock[m][proc[i]] >= index[i]) continue; // m happens after i: not in v
                            if (proc[m] != q && clock[k][proc[m]] >= index[m]) first = false;
                        }
                        if (first) initials |= slot(q, count0);
                    }
                    seen |= slot(q, count0);
                }
                Node at = stack.get(i);
                if ((initials & at.backtrack) != 0) continue;
                long runnable = initials & at.enabled;
                at.backtrack |= runnable != 0 ? bit(Long.numberOfTrailingZeros(runnable)) : at.enabled;
            }
        }
    }

    /**
     * Whether steps i < j are dependent. The end of the program ({@link Op#END}) is dependent with every step: it
     * cuts off each daemon step still pending, and would have cut off each one taken before it.
     */
    private static boolean dependent(Op[] op, int i, int j) {
        if (op[i] == null || op[j] == null) return false;
        return op[i].dependent(op[j]);
    }

    /**
     * Whether step {@code i} happens before the last step of some non-daemon thread: the end of the program, which
     * waits for every non-daemon thread, then cannot come before it.
     */
    private static boolean endWaitsFor(int i, int[] proc, int[][] clock, int[] index, int[] finalStep,
                                       boolean[] daemon, int count0) {
        for (int q = 0; q < count0; q++) {
            int k = finalStep[q];
            if (!daemon[q] && k >= 0 && clock[k][proc[i]] >= index[i]) return true;
        }
        return false;
    }

    /** The choice bit of analysis slot {@code q}: a thread's own bit, or the end of the program's. */
    private static long slot(int q, int threads) {
        return q == threads ? bit(Run.END) : bit(q);
    }

    private static void join(int[] into, int[] from) {
        for (int t = 0; t < into.length; t++) if (from[t] > into[t]) into[t] = from[t];
    }

    private static int pick(Node n, long allowed) {
        if (n.current >= 0 && (allowed & bit(n.current)) != 0) return n.current;
        return Long.numberOfTrailingZeros(allowed);
    }

    @Override
    public void done(Run run, Ending ending) {
        if (exhausted) return;
        while (stack.size() > run.length()) stack.removeLast();
        if (source) addBacktracks(run);
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
