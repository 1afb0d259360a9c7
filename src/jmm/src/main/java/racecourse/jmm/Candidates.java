package racecourse.jmm;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Enumerates candidate executions: per variable, every coherence order of its writes (the initial write first)
 * and every choice of write for each of its reads; then the product over variables. Each per-variable choice is
 * checked for coherence once, so a model that needs coherence never sees a product containing an incoherent
 * choice. Not thread-safe.
 */
final class Candidates {
    /** One variable's share of a candidate: its coherence order and the write each of its reads takes. */
    record Choice(int loc, int[] co, int[] rfWrites, boolean coherent, boolean javaCoherent) {
    }

    private final Program p;
    private final List<List<Choice>> perLoc = new ArrayList<>();

    Candidates(Program p) {
        this.p = p;
        for (int v = 0; v < p.vars.size(); v++) perLoc.add(choices(v));
    }

    /** The number of per-variable choices for each variable multiplied: the unfiltered candidate count. */
    long unfilteredCount() {
        long n = 1;
        for (List<Choice> c : perLoc) n *= c.size();
        return n;
    }

    /** Calls {@code sink} with every candidate built only from per-variable choices that {@code keep} accepts. */
    long forEach(Predicate<Choice> keep, Consumer<Execution> sink) {
        List<List<Choice>> kept = new ArrayList<>();
        for (List<Choice> c : perLoc) kept.add(c.stream().filter(keep).toList());
        long[] count = {0};
        walk(kept, 0, new Choice[kept.size()], sink, count);
        return count[0];
    }

    private void walk(List<List<Choice>> kept, int v, Choice[] picked, Consumer<Execution> sink, long[] count) {
        if (v == kept.size()) {
            int[] rfOf = new int[p.n];
            java.util.Arrays.fill(rfOf, -1);
            int[][] co = new int[picked.length][];
            for (Choice c : picked) {
                co[c.loc()] = c.co();
                int[] rs = p.reads[c.loc()];
                for (int i = 0; i < rs.length; i++) rfOf[rs[i]] = c.rfWrites()[i];
            }
            count[0]++;
            sink.accept(new Execution(p, rfOf, co));
            return;
        }
        for (Choice c : kept.get(v)) {
            picked[v] = c;
            walk(kept, v + 1, picked, sink, count);
        }
    }

    /** Whether a per-variable choice can give the values a condition asks for. */
    static Predicate<Choice> matching(Program p, Condition condition) {
        return c -> {
            int[] rs = p.reads[c.loc()];
            for (int i = 0; i < rs.length; i++) {
                Integer want = condition.required(p.events[rs[i]].reg());
                if (want != null && p.events[c.rfWrites()[i]].value() != want) return false;
            }
            Integer last = condition.required(p.vars.get(c.loc()));
            return last == null || p.events[c.co()[c.co().length - 1]].value() == last;
        };
    }

    private List<Choice> choices(int v) {
        int[] ws = p.writes[v];
        int[] rs = p.reads[v];
        List<int[]> orders = new ArrayList<>();
        permute(ws, 1, orders);
        List<Choice> out = new ArrayList<>();
        for (int[] co : orders) {
            int[] rf = new int[rs.length];
            assignReads(v, co, rs, ws, rf, 0, out);
        }
        return out;
    }

    private void assignReads(int v, int[] co, int[] rs, int[] ws, int[] rf, int i, List<Choice> out) {
        if (i == rs.length) {
            int[] rfCopy = rf.clone();
            out.add(new Choice(v, co, rfCopy, coherent(v, co, rfCopy, false), coherent(v, co, rfCopy, true)));
            return;
        }
        for (int w : ws) {
            rf[i] = w;
            assignReads(v, co, rs, ws, rf, i + 1, out);
        }
    }

    /** Per-variable SC: program order among this variable's accesses, rf, co and fr form no cycle. */
    private boolean coherent(int v, int[] co, int[] rf, boolean javaOnly) {
        int[] rfOf = new int[p.n];
        java.util.Arrays.fill(rfOf, -1);
        int[] rs = p.reads[v];
        for (int i = 0; i < rs.length; i++) rfOf[rs[i]] = rf[i];
        int[][] coOrder = new int[p.vars.size()][];
        for (int u = 0; u < coOrder.length; u++) coOrder[u] = u == v ? co : new int[] {p.writes[u][0]};
        Execution x = new Execution(p, rfOf, coOrder);
        Graph g = Axioms.coherence(x, id -> p.events[id].loc() == v && (!javaOnly || p.events[id].isCoherentInJava()));
        return g.acyclic();
    }

    private static void permute(int[] a, int k, List<int[]> out) {
        if (k >= a.length - 1) {
            out.add(a.clone());
            return;
        }
        for (int i = k; i < a.length; i++) {
            swap(a, k, i);
            permute(a, k + 1, out);
            swap(a, k, i);
        }
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
