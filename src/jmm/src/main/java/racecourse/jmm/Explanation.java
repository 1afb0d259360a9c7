package racecourse.jmm;

import java.util.ArrayList;
import java.util.List;

/**
 * Why a model forbids (or contests) an outcome, in words: the axiom, what it requires, and the cycle of
 * relations, one sentence per edge. Immutable; thread-safe.
 *
 * @param axiom the axiom's short name
 * @param rule what the axiom requires
 * @param steps one sentence per edge of the cycle, in order around it
 * @param lead how many executions give the outcome, e.g. "The only execution with this outcome"
 */
public record Explanation(String axiom, String rule, List<String> steps, String lead) {
    /** Copies the steps. */
    public Explanation {
        steps = List.copyOf(steps);
    }

    /** Number of edges in the cycle. */
    public int edges() {
        return steps.size();
    }

    /** The explanation as a paragraph. */
    public String text() {
        if (steps.isEmpty()) return lead;
        StringBuilder out = new StringBuilder(lead).append(" breaks ").append(axiom).append(" (").append(rule).append("): ");
        for (int i = 0; i < steps.size(); i++) {
            out.append(i == 0 ? "" : i == steps.size() - 1 ? ", and " : ", ").append(steps.get(i));
        }
        return out.append(". That is a cycle, so the outcome cannot happen.").toString();
    }

    @Override
    public String toString() {
        return text();
    }

    /** Renders a violation's cycle in words. */
    static Explanation of(Program p, Violation v, String lead) {
        List<String> steps = new ArrayList<>();
        for (Edge e : compactFences(p, v.cycle())) steps.add(words(p, e));
        return new Explanation(v.axiom(), v.rule(), steps, lead);
    }

    /**
     * Joins "a before fence" and "fence before b" in program order into one edge "the fence keeps a before b",
     * so a cycle through fences reads as one step per fence.
     */
    static List<Edge> compactFences(Program p, List<Edge> cycle) {
        int start = 0;
        while (start < cycle.size() && p.events[cycle.get(start).from()].isFence()) start++;
        if (start == cycle.size()) return cycle;
        List<Edge> rotated = new ArrayList<>(cycle.subList(start, cycle.size()));
        rotated.addAll(cycle.subList(0, start));
        List<Edge> out = new ArrayList<>();
        for (int i = 0; i < rotated.size(); i++) {
            Edge e = rotated.get(i);
            if (e.rel() == Rel.PO && p.events[e.to()].isFence() && i + 1 < rotated.size()
                    && rotated.get(i + 1).rel() == Rel.PO) {
                out.add(new Edge(e.from(), rotated.get(i + 1).to(), Rel.FENCE));
                i++;
            } else {
                out.add(e);
            }
        }
        return out;
    }

    /** Names an event: "A's write x=1", "B's read of y (r0)", "the initial x=0", "A's fence". */
    static String name(Program p, int id) {
        Event e = p.events[id];
        if (e.isInit()) return "the initial " + e.var() + "=0";
        String who = p.threadName(e.thread()) + "'s ";
        String mode = e.mode() == Mode.PLAIN || e.isFence() ? "" : e.mode().word() + " ";
        return switch (e.kind()) {
            case WRITE -> who + mode + "write " + e.var() + "=" + e.value();
            case READ -> who + mode + "read of " + e.var() + " (" + e.reg() + ")";
            case FENCE -> who + "fence";
        };
    }

    static String words(Program p, Edge e) {
        String a = name(p, e.from());
        String b = name(p, e.to());
        String var = p.events[e.from()].var();
        return switch (e.rel()) {
            case PO -> a + " comes before " + b + " in program order";
            case RF -> b + " reads the value of " + a;
            case CO -> a + " comes before " + b + " in coherence order (the order of writes to " + var + ")";
            case FR -> a + " comes before " + b + " in coherence order (it read a value that " + b + " replaces)";
            case FENCE -> "the fence between them keeps " + a + " before " + b;
            case PPO -> "x86 keeps " + a + " before " + b + " (only a store followed by a load may be reordered)";
            case LOCKED -> "the locked instruction after the volatile store keeps " + a + " before " + b;
            case ACQUIRE -> a + " is an acquire load (LDAR), so it stays before " + b;
            case RELEASE -> b + " is a release store (STLR), so " + a + " stays before it";
            case RELEASE_ACQUIRE -> "a release store followed by an acquire load stay in order (STLR then LDAR): " + a + " before " + b;
            case RELEASE_COI -> a + " comes before a release store that " + b + " later overwrites, so " + a + " stays before " + b;
            case SW -> a + " synchronizes with " + b + " (a release write seen by an acquire read): it happens before " + b;
            case HB_FR -> a + " sees a write that happens before " + b + ", so it comes before " + b;
        };
    }
}
