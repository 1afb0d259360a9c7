package racecourse.jmm;

import java.util.List;

/**
 * A broken axiom in one candidate execution: the axiom's name, what it requires, and a cycle of edges that shows
 * the breach (empty when not asked for). Immutable; thread-safe.
 */
record Violation(String axiom, String rule, List<Edge> cycle) {
    Violation {
        cycle = List.copyOf(cycle);
    }

    /** The shorter of two violations (by cycle length), treating null as absent. */
    static Violation shorter(Violation a, Violation b) {
        if (a == null) return b;
        if (b == null) return a;
        if (a.cycle().isEmpty()) return b;
        if (b.cycle().isEmpty()) return a;
        return b.cycle().size() < a.cycle().size() ? b : a;
    }
}
