package racecourse.patterns.clocks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import racecourse.display.Displayable;
import racecourse.display.MimeBundle;
import racecourse.display.timeline.Timeline;

/**
 * Replays a {@link Trace} the way a happens-before race detector does. Each thread carries a vector clock; each
 * lock and volatile variable remembers the clock of its last release or write; a lock or volatile read joins that
 * clock into the reader's, start and join pass clocks between threads. Each plain access is stamped with its
 * thread's clock, and two accesses to one variable from different threads, at least one a write, race when
 * neither clock is at most the other. Thread-safe (static methods; results are immutable).
 */
public final class VectorClockDetector {
    /**
     * One replayed action with the clock of its thread when it ran.
     *
     * @param index position in the trace
     * @param action the action
     * @param clock the acting thread's clock at the action
     */
    public record Step(int index, Action action, VectorClock clock) {
        @Override
        public String toString() {
            return String.format("%2d  %-28s %s", index, action, clock);
        }
    }

    /**
     * Two conflicting accesses that no happens-before edge orders.
     *
     * @param variable the variable both touch
     * @param first the earlier access in the trace
     * @param second the later access
     */
    public record Race(String variable, Step first, Step second) {
        @Override
        public String toString() {
            return "race on " + variable + ": " + first.action() + " " + first.clock() + " and " + second.action()
                    + " " + second.clock() + " are concurrent";
        }
    }

    /**
     * A synchronization edge found while replaying: from a release, volatile write, start or end of thread to the
     * lock, volatile read, first action or join it orders.
     */
    public record Edge(int from, int to, String why) {
    }

    /** The replayed trace: each step with its clock, the edges, and the races. */
    public record Report(Trace trace, List<Step> steps, List<Edge> edges, List<Race> races) implements Displayable {
        /** Whether the trace is free of data races. */
        public boolean raceFree() {
            return races.isEmpty();
        }

        /** The trace as a timeline: clocks under each action, green happens-before edges, red races. */
        public Timeline timeline(String title) {
            Timeline t = Timeline.of(title, trace.threads().toArray(String[]::new));
            int[] ids = new int[steps.size()];
            for (Step s : steps) ids[s.index()] = t.event(s.action().thread(), s.index(), s.action().label(), s.clock().toString());
            for (Edge e : edges) t.sync(ids[e.from()], ids[e.to()], e.why());
            for (Race r : races) t.race(ids[r.first().index()], ids[r.second().index()], "race on " + r.variable());
            return t;
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder("step action                       clock\n");
            for (Step s : steps) out.append(s).append('\n');
            out.append(races.isEmpty() ? "no data race\n" : races.size() + " data race(s):\n");
            for (Race r : races) out.append("  ").append(r).append('\n');
            return out.toString().stripTrailing();
        }

        @Override
        public MimeBundle toMimeBundle() {
            MimeBundle picture = timeline(races.isEmpty() ? "No data race" : races.size() + " data race(s)").toMimeBundle();
            return new MimeBundle().with(MimeBundle.PNG, picture.data().get(MimeBundle.PNG)).with(MimeBundle.TEXT, toString());
        }
    }

    private VectorClockDetector() {
    }

    /** Replays {@code trace} and reports every racing pair of accesses (once per pair). */
    public static Report check(Trace trace) {
        int n = trace.threads().size();
        VectorClock[] clocks = new VectorClock[n];
        for (int i = 0; i < n; i++) clocks[i] = VectorClock.zero(n).tick(i);
        Map<String, VectorClock> released = new HashMap<>();
        Map<String, Integer> releasedAt = new HashMap<>();
        Map<String, VectorClock> published = new HashMap<>();
        Map<String, Integer> publishedAt = new HashMap<>();
        Map<String, Integer> startedAt = new HashMap<>();
        Map<String, Integer> lastStep = new HashMap<>();
        Map<String, List<Step>> accesses = new HashMap<>();
        List<Step> steps = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        List<Race> races = new ArrayList<>();
        List<Action> actions = trace.actions();
        for (int index = 0; index < actions.size(); index++) {
            Action a = actions.get(index);
            int me = trace.index(a.thread());
            if (startedAt.containsKey(a.thread()) && !lastStep.containsKey(a.thread())) {
                edges.add(new Edge(startedAt.get(a.thread()), index, "start"));
            }
            switch (a.kind()) {
                case ACQUIRE -> {
                    VectorClock l = released.get(a.target());
                    if (l != null) {
                        clocks[me] = clocks[me].join(l);
                        edges.add(new Edge(releasedAt.get(a.target()), index, "unlock → lock"));
                    }
                }
                case VOLATILE_READ -> {
                    VectorClock v = published.get(a.target());
                    if (v != null) {
                        clocks[me] = clocks[me].join(v);
                        edges.add(new Edge(publishedAt.get(a.target()), index, "volatile"));
                    }
                }
                case JOIN -> {
                    int other = trace.index(a.target());
                    clocks[me] = clocks[me].join(clocks[other]);
                    Integer last = lastStep.get(a.target());
                    if (last != null) edges.add(new Edge(last, index, "join"));
                }
                default -> {
                }
            }
            Step step = new Step(index, a, clocks[me]);
            steps.add(step);
            lastStep.put(a.thread(), index);
            switch (a.kind()) {
                case READ, WRITE -> {
                    List<Step> seen = accesses.computeIfAbsent(a.target(), k -> new ArrayList<>());
                    for (Step earlier : seen) {
                        boolean conflict = a.kind() == Action.Kind.WRITE || earlier.action().kind() == Action.Kind.WRITE;
                        boolean otherThread = !earlier.action().thread().equals(a.thread());
                        if (conflict && otherThread && !orderedBefore(trace, earlier, step)) {
                            races.add(new Race(a.target(), earlier, step));
                        }
                    }
                    seen.add(step);
                }
                case RELEASE -> {
                    released.put(a.target(), clocks[me]);
                    releasedAt.put(a.target(), index);
                    clocks[me] = clocks[me].tick(me);
                }
                case VOLATILE_WRITE -> {
                    published.merge(a.target(), clocks[me], VectorClock::join);
                    publishedAt.put(a.target(), index);
                    clocks[me] = clocks[me].tick(me);
                }
                case START -> {
                    int other = trace.index(a.target());
                    clocks[other] = clocks[other].join(clocks[me]);
                    startedAt.put(a.target(), index);
                    clocks[me] = clocks[me].tick(me);
                }
                default -> {
                }
            }
        }
        return new Report(trace, List.copyOf(steps), List.copyOf(edges), List.copyOf(races));
    }

    /** Whether {@code earlier} happens-before {@code later}: the earlier thread's own entry is known to the later. */
    private static boolean orderedBefore(Trace trace, Step earlier, Step later) {
        int t = trace.index(earlier.action().thread());
        return earlier.clock().get(t) <= later.clock().get(t);
    }
}
