package racecourse.jmm;

import java.util.TreeMap;

/**
 * One candidate execution of a program: which write each read takes its value from (rf) and the order of the
 * writes to each variable (co). Derived relations are computed on demand. Not thread-safe.
 */
final class Execution {
    final Program p;
    /** rfOf[read] = the write it reads from; -1 for events that are not reads. */
    final int[] rfOf;
    /** coOrder[loc] = the writes to loc in coherence order, the initial write first. */
    final int[][] coOrder;
    private long[] rf;
    private long[] co;
    private long[] fr;

    Execution(Program p, int[] rfOf, int[][] coOrder) {
        this.p = p;
        this.rfOf = rfOf;
        this.coOrder = coOrder;
    }

    long[] rf() {
        if (rf == null) {
            rf = new long[p.n];
            for (int r = 0; r < p.n; r++) if (rfOf[r] >= 0) rf[rfOf[r]] |= 1L << r;
        }
        return rf;
    }

    long[] co() {
        if (co == null) {
            co = new long[p.n];
            for (int[] order : coOrder) {
                for (int i = 0; i < order.length; i++) {
                    for (int j = i + 1; j < order.length; j++) co[order[i]] |= 1L << order[j];
                }
            }
        }
        return co;
    }

    /** from-read: r fr w when r reads from a write that comes before w in coherence order. */
    long[] fr() {
        if (fr == null) {
            fr = new long[p.n];
            long[] c = co();
            for (int r = 0; r < p.n; r++) if (rfOf[r] >= 0) fr[r] = c[rfOf[r]];
        }
        return fr;
    }

    boolean rf(int a, int b) {
        return rfOf[b] == a;
    }

    boolean co(int a, int b) {
        return (co()[a] >>> b & 1L) != 0;
    }

    boolean fr(int a, int b) {
        return (fr()[a] >>> b & 1L) != 0;
    }

    /** The registers' values and the variables' final values. */
    Outcome outcome() {
        TreeMap<String, Integer> regs = new TreeMap<>();
        TreeMap<String, Integer> finals = new TreeMap<>();
        for (Event e : p.events) if (e.isRead()) regs.put(e.reg(), p.events[rfOf[e.id()]].value());
        for (int v = 0; v < coOrder.length; v++) {
            int[] order = coOrder[v];
            finals.put(p.vars.get(v), p.events[order[order.length - 1]].value());
        }
        return new Outcome(regs, finals);
    }
}
