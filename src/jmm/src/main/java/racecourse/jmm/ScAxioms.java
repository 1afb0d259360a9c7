package racecourse.jmm;

/** Sequential consistency: no cycle in program order, reads-from, coherence and from-read. Thread-safe (stateless). */
final class ScAxioms implements Axioms {
    static final String AXIOM = "sequential consistency";
    static final String RULE = "one interleaving explains every read: program order, reads-from, coherence and from-read form no cycle";

    @Override
    public Violation check(Execution x, boolean explain) {
        Program p = x.p;
        Graph g = new Graph(p.n);
        Axioms.addCommunication(g, x, false, false);
        for (Event a : p.events) {
            for (Event b : p.events) {
                if (!a.isFence() && !b.isFence() && p.po(a.id(), b.id())) g.add(a.id(), b.id(), Rel.PO);
            }
        }
        return Axioms.acyclic(g, AXIOM, RULE, explain);
    }
}
