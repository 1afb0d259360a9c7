package racecourse.jmm;

/**
 * x86-TSO (the model of herdtools7's {@code x86tso.cat}, without locked read-modify-writes): coherence per
 * variable ("uniproc"), and no cycle in preserved program order (all but store-then-load), fences, external
 * reads-from, coherence and from-read. Java accesses map as HotSpot maps them: a volatile store is followed by a
 * locked instruction, which acts as a full fence; every other access is a plain {@code mov}. Thread-safe (stateless).
 */
final class TsoAxioms implements Axioms {
    static final String UNIPROC = "uniproc (coherence per variable)";
    static final String UNIPROC_RULE = "accesses to one variable agree with program order";
    static final String TSO = "tso (global happens-before)";
    static final String TSO_RULE = "program order (except a store before a load), fences, external reads-from, coherence and from-read form no cycle";

    @Override
    public Violation check(Execution x, boolean explain) {
        Violation v = Axioms.acyclic(Axioms.coherence(x, id -> true), UNIPROC, UNIPROC_RULE, explain);
        if (v != null && !explain) return v;
        return Violation.shorter(v, Axioms.acyclic(ghb(x), TSO, TSO_RULE, explain));
    }

    private static Graph ghb(Execution x) {
        Program p = x.p;
        Graph g = new Graph(p.n);
        Axioms.addCommunication(g, x, true, false);
        for (Event a : p.events) {
            for (Event b : p.events) {
                int i = a.id();
                int j = b.id();
                if (a.isFence() || b.isFence() || !p.po(i, j)) continue;
                if (!(a.isWrite() && b.isRead())) g.add(i, j, Rel.PPO);
                else if (p.fenceBetween(i, j)) g.add(i, j, Rel.FENCE);
                else if (a.isVolatile()) g.add(i, j, Rel.LOCKED);
            }
        }
        return g;
    }
}
