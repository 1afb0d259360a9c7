package racecourse.jmm;

/**
 * The 2018 user-level ARMv8 axiomatic model without dependencies or read-modify-writes: "internal" (coherence per
 * variable) and "external" (ordered-before has no cycle), where ordered-before is external reads-from, coherence
 * and from-read plus barrier-ordered-before: a full {@code DMB} between two accesses, an acquire load ({@code LDAR})
 * before later accesses, earlier accesses before a release store ({@code STLR}), a release store before a later
 * acquire load, and accesses before a release store before that thread's later write to the same variable. Java
 * accesses map as HotSpot maps them: volatile and release stores are STLR, volatile and acquire loads LDAR, the
 * rest plain. Thread-safe (stateless).
 */
final class ArmAxioms implements Axioms {
    static final String INTERNAL = "internal (coherence per variable)";
    static final String INTERNAL_RULE = "accesses to one variable agree with program order";
    static final String EXTERNAL = "external (ordered-before)";
    static final String EXTERNAL_RULE = "barriers, acquire/release ordering and external reads-from, coherence and from-read form no cycle";

    @Override
    public Violation check(Execution x, boolean explain) {
        Violation v = Axioms.acyclic(Axioms.coherence(x, id -> true), INTERNAL, INTERNAL_RULE, explain);
        if (v != null && !explain) return v;
        return Violation.shorter(v, Axioms.acyclic(ob(x), EXTERNAL, EXTERNAL_RULE, explain));
    }

    private static Graph ob(Execution x) {
        Program p = x.p;
        Graph g = new Graph(p.n);
        for (Event a : p.events) {
            for (Event b : p.events) {
                int i = a.id();
                int j = b.id();
                if (a.isFence() || b.isFence() || !p.po(i, j)) continue;
                if (p.fenceBetween(i, j)) g.add(i, j, Rel.FENCE);
                else if (a.isRelease() && b.isAcquire()) g.add(i, j, Rel.RELEASE_ACQUIRE);
                else if (a.isAcquire()) g.add(i, j, Rel.ACQUIRE);
                else if (b.isRelease()) g.add(i, j, Rel.RELEASE);
            }
        }
        // po; [L]; coi
        for (Event l : p.events) {
            if (!l.isRelease()) continue;
            for (Event a : p.events) {
                if (a.isFence() || !p.po(a.id(), l.id())) continue;
                for (Event w : p.events) {
                    if (w.isWrite() && p.sameThread(l.id(), w.id()) && x.co(l.id(), w.id())) g.add(a.id(), w.id(), Rel.RELEASE_COI);
                }
            }
        }
        Axioms.addCommunication(g, x, true, true);
        return g;
    }
}
