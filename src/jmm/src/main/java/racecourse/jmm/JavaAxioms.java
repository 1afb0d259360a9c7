package racecourse.jmm;

import java.util.ArrayList;
import java.util.List;

/**
 * The Java access modes, as this calculator models them (the assumptions are in {@code docs/memory-model.md}).
 * Happens-before is program order plus synchronizes-with (a release or volatile write read by an acquire or
 * volatile read); initial writes happen before everything. Axioms: opaque and stronger accesses are coherent per
 * variable (plain ones are not); happens-before has no cycle; no read sees a write that happens after it; the
 * order of writes to a variable agrees with happens-before; no read sees a write that another write to the same
 * variable overwrote in happens-before order; and volatile accesses and full fences are totally ordered with
 * the rest of the execution (RC11-style: a cycle through them is forbidden). Thread-safe (stateless).
 */
final class JavaAxioms implements Axioms {
    static final String COHERENCE = "coherence (opaque and stronger)";
    static final String CAUSALITY = "happens-before has no cycle";
    static final String FUTURE = "no read from the future";
    static final String WRITE_ORDER = "write order follows happens-before";
    static final String OVERWRITTEN = "happens-before consistency";
    static final String VOLATILE_ORDER = "one order of volatile accesses and fences";
    static final String LOAD_BUFFERING = "no load buffering among opaque accesses";

    /** Whether to add the extra axiom against load buffering with opaque accesses (the contested case). */
    private final boolean forbidOpaqueLoadBuffering;

    JavaAxioms(boolean forbidOpaqueLoadBuffering) {
        this.forbidOpaqueLoadBuffering = forbidOpaqueLoadBuffering;
    }

    @Override
    public Violation check(Execution x, boolean explain) {
        Program p = x.p;
        Violation best = Axioms.acyclic(Axioms.coherence(x, id -> p.events[id].isCoherentInJava()), COHERENCE,
                "opaque, release/acquire and volatile accesses to one variable agree with program order", explain);
        if (best != null && !explain) return best;
        Graph hbGraph = hbGraph(x);
        best = Violation.shorter(best, Axioms.acyclic(hbGraph, CAUSALITY,
                "program order and synchronizes-with (release write seen by acquire read) form no cycle", explain));
        if (best != null && !explain) return best;
        long[] hb = hbGraph.closure();
        best = Violation.shorter(best, singleEdgeRules(x, hbGraph, hb, explain));
        if (best != null && !explain) return best;
        best = Violation.shorter(best, volatileOrder(x, hbGraph, hb, explain));
        if (best != null && !explain) return best;
        if (forbidOpaqueLoadBuffering) {
            Graph lb = new Graph(p.n);
            for (Event a : p.events) {
                for (Event b : p.events) {
                    if (!a.isCoherentInJava() || !b.isCoherentInJava() || a.isInit() || b.isInit()) continue;
                    if (p.po(a.id(), b.id()) && !a.isFence() && !b.isFence()) lb.add(a.id(), b.id(), Rel.PO);
                    if (x.rf(a.id(), b.id())) lb.add(a.id(), b.id(), Rel.RF);
                }
            }
            best = Violation.shorter(best, Axioms.acyclic(lb, LOAD_BUFFERING,
                    "program order and reads-from among opaque (or stronger) accesses form no cycle", explain));
        }
        return best;
    }

    /** Program order (accesses and fences) and synchronizes-with. */
    static Graph hbGraph(Execution x) {
        Program p = x.p;
        Graph g = new Graph(p.n);
        for (Event a : p.events) {
            for (Event b : p.events) {
                if (p.po(a.id(), b.id())) g.add(a.id(), b.id(), Rel.PO);
                else if (a.isRelease() && b.isAcquire() && x.rf(a.id(), b.id())) g.add(a.id(), b.id(), Rel.SW);
            }
        }
        return g;
    }

    private static boolean hb(Program p, long[] hb, int a, int b) {
        if (p.events[a].isInit()) return !p.events[b].isInit();
        return (hb[a] >>> b & 1L) != 0;
    }

    /** The rules that each break with one read or write edge closed by a happens-before path. */
    private static Violation singleEdgeRules(Execution x, Graph hbGraph, long[] hb, boolean explain) {
        Program p = x.p;
        Violation best = null;
        for (Event r : p.events) {
            if (!r.isRead()) continue;
            int w = x.rfOf[r.id()];
            if (hb(p, hb, r.id(), w)) {
                Violation v = close(new Edge(w, r.id(), Rel.RF), hbGraph, r.id(), w, FUTURE,
                        "a read cannot see a write that happens after it", explain, true);
                if (!explain) return v;
                best = Violation.shorter(best, v);
            }
            for (int w2 : p.writes[r.loc()]) {
                if (w2 == w || !hb(p, hb, w, w2) || !hb(p, hb, w2, r.id())) continue;
                Violation v = close(new Edge(r.id(), w2, Rel.HB_FR), hbGraph, w2, r.id(), OVERWRITTEN,
                        "a read cannot see a write that another write to the variable replaced in happens-before order", explain, false);
                if (!explain) return v;
                best = Violation.shorter(best, v);
            }
        }
        for (int[] ws : p.writes) {
            for (int a : ws) {
                for (int b : ws) {
                    if (a == b || p.events[a].isInit() || !hb(p, hb, a, b) || !x.co(b, a)) continue;
                    Violation v = close(new Edge(b, a, Rel.CO), hbGraph, a, b, WRITE_ORDER,
                            "if one write happens before another to the same variable, it comes first in coherence order", explain, true);
                    if (!explain) return v;
                    best = Violation.shorter(best, v);
                }
            }
        }
        return best;
    }

    /** A cycle made of one edge and the happens-before path that closes it. */
    private static Violation close(Edge edge, Graph hbGraph, int from, int to, String axiom, String rule,
                                   boolean explain, boolean pathFirst) {
        if (!explain) return new Violation(axiom, rule, List.of());
        List<Edge> path = hbGraph.shortestPath(from, to);
        List<Edge> cycle = new ArrayList<>();
        if (pathFirst) {
            cycle.addAll(path);
            cycle.add(edge);
        } else {
            cycle.add(edge);
            cycle.addAll(path);
        }
        return new Violation(axiom, rule, cycle);
    }

    /**
     * Volatile accesses and fences: an edge a to b between two of them when a happens before b, when both are
     * volatile accesses related by reads-from, coherence or from-read, or, when either is a fence, when the
     * fence's happens-before neighbourhood is linked by a chain of those. A cycle is forbidden.
     */
    private static Violation volatileOrder(Execution x, Graph hbGraph, long[] hb, boolean explain) {
        Program p = x.p;
        List<Integer> sc = new ArrayList<>();
        for (Event e : p.events) if (e.isVolatile() || e.isFence()) sc.add(e.id());
        if (sc.isEmpty()) return null;
        Graph com = new Graph(p.n);
        Axioms.addCommunication(com, x, false, false);
        long[] eco = com.closure();
        long[] comRows = new long[p.n];
        for (int a = 0; a < p.n; a++) for (int b = 0; b < p.n; b++) if (com.has(a, b)) comRows[a] |= 1L << b;
        Graph psc = new Graph(p.n);
        for (int a : sc) {
            for (int b : sc) {
                if (a == b && (hb[a] >>> a & 1L) != 0) continue; // a happens-before cycle: reported as causality
                if (pscEdge(p, hb, comRows, eco, a, b)) psc.add(a, b, Rel.PO);
            }
        }
        if (psc.acyclic()) return null;
        String rule = "volatile accesses and fences fit in one total order that agrees with happens-before and with what they read and overwrite";
        if (!explain) return new Violation(VOLATILE_ORDER, rule, List.of());
        List<Edge> cycle = new ArrayList<>();
        for (Edge e : psc.shortestCycle()) cycle.addAll(expand(p, hbGraph, com, hb, comRows, eco, e.from(), e.to()));
        return new Violation(VOLATILE_ORDER, rule, cycle);
    }

    private static boolean pscEdge(Program p, long[] hb, long[] com, long[] eco, int a, int b) {
        if ((hb[a] >>> b & 1L) != 0) return true;
        boolean fa = p.events[a].isFence();
        boolean fb = p.events[b].isFence();
        if (!fa && !fb) return (com[a] >>> b & 1L) != 0;
        long left = fa ? hb[a] : 1L << a;
        long right = 0;
        if (fb) {
            for (int y = 0; y < p.n; y++) if ((hb[y] >>> b & 1L) != 0) right |= 1L << y;
        } else {
            right = 1L << b;
        }
        for (int xx = 0; xx < p.n; xx++) if ((left >>> xx & 1L) != 0 && (eco[xx] & right) != 0) return true;
        return false;
    }

    private static List<Edge> expand(Program p, Graph hbGraph, Graph com, long[] hb, long[] comRows, long[] eco, int a, int b) {
        if ((hb[a] >>> b & 1L) != 0) return hbGraph.shortestPath(a, b);
        boolean fa = p.events[a].isFence();
        boolean fb = p.events[b].isFence();
        if (!fa && !fb) return com.shortestPath(a, b);
        List<Edge> best = null;
        for (int xx = 0; xx < p.n; xx++) {
            if (fa ? (hb[a] >>> xx & 1L) == 0 : xx != a) continue;
            for (int y = 0; y < p.n; y++) {
                if (fb ? (hb[y] >>> b & 1L) == 0 : y != b) continue;
                if ((eco[xx] >>> y & 1L) == 0) continue;
                List<Edge> path = new ArrayList<>(hbGraph.shortestPath(a, xx));
                path.addAll(com.shortestPath(xx, y));
                path.addAll(hbGraph.shortestPath(y, b));
                if (best == null || path.size() < best.size()) best = path;
            }
        }
        return best;
    }
}
