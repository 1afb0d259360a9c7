package racecourse.jmm;

import java.util.List;

/** One memory model's consistency axioms, checked on a candidate execution. Implementations are stateless and thread-safe. */
interface Axioms {
    /**
     * Checks an execution.
     *
     * @param explain when true, look at every axiom and return the breach with the shortest cycle; when false,
     *     return any breach as soon as one is found (its cycle may be empty)
     * @return null when the execution is consistent with the model
     */
    Violation check(Execution x, boolean explain);

    /** Checks one axiom given as a graph: null when acyclic, else a violation (with a shortest cycle when explaining). */
    static Violation acyclic(Graph g, String axiom, String rule, boolean explain) {
        if (g.acyclic()) return null;
        return new Violation(axiom, rule, explain ? g.shortestCycle() : List.of());
    }

    /**
     * The coherence graph: program order between accesses of one variable, reads-from, coherence and from-read,
     * among the events that {@code keep} accepts.
     */
    static Graph coherence(Execution x, java.util.function.IntPredicate keep) {
        Program p = x.p;
        Graph g = new Graph(p.n);
        for (Event a : p.events) {
            if (a.isFence() || !keep.test(a.id())) continue;
            for (Event b : p.events) {
                if (b.isFence() || !keep.test(b.id()) || a.loc() != b.loc()) continue;
                int i = a.id();
                int j = b.id();
                if (x.rf(i, j)) g.add(i, j, Rel.RF);
                else if (x.fr(i, j)) g.add(i, j, Rel.FR);
                else if (x.co(i, j)) g.add(i, j, Rel.CO);
                else if (p.po(i, j)) g.add(i, j, Rel.PO);
            }
        }
        return g;
    }

    /** Adds reads-from, coherence and from-read edges; only those between different threads when {@code externalOnly}. */
    static void addCommunication(Graph g, Execution x, boolean rfExternalOnly, boolean coFrExternalOnly) {
        Program p = x.p;
        for (Event a : p.events) {
            for (Event b : p.events) {
                int i = a.id();
                int j = b.id();
                boolean internal = p.sameThread(i, j);
                if (x.rf(i, j) && !(rfExternalOnly && internal)) g.add(i, j, Rel.RF);
                if (x.fr(i, j) && !(coFrExternalOnly && internal)) g.add(i, j, Rel.FR);
                if (x.co(i, j) && !(coFrExternalOnly && internal)) g.add(i, j, Rel.CO);
            }
        }
    }
}
