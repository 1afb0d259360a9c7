package racecourse.jmm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A small directed graph of labelled edges over a program's events, with cycle search. The first edge added
 * between two events keeps its label. Not thread-safe.
 */
final class Graph {
    private final int n;
    private final long[] adj;
    private final Rel[] label;

    Graph(int n) {
        this.n = n;
        this.adj = new long[n];
        this.label = new Rel[n * n];
    }

    /** Adds an edge unless one is already there. */
    void add(int from, int to, Rel rel) {
        if ((adj[from] >>> to & 1L) != 0) return;
        adj[from] |= 1L << to;
        label[from * n + to] = rel;
    }

    /** Adds every pair of a relation given as bit rows. */
    void addAll(long[] rows, Rel rel) {
        for (int a = 0; a < n; a++) {
            long row = rows[a];
            while (row != 0) {
                int b = Long.numberOfTrailingZeros(row);
                row &= row - 1;
                add(a, b, rel);
            }
        }
    }

    boolean has(int a, int b) {
        return (adj[a] >>> b & 1L) != 0;
    }

    /** Whether the graph has no cycle (a self-loop counts as one). */
    boolean acyclic() {
        int[] state = new int[n];
        for (int s = 0; s < n; s++) if (state[s] == 0 && hasCycleFrom(s, state)) return false;
        return true;
    }

    private boolean hasCycleFrom(int s, int[] state) {
        state[s] = 1;
        long row = adj[s];
        while (row != 0) {
            int b = Long.numberOfTrailingZeros(row);
            row &= row - 1;
            if (state[b] == 1) return true;
            if (state[b] == 0 && hasCycleFrom(b, state)) return true;
        }
        state[s] = 2;
        return false;
    }

    /** A cycle with the fewest edges, or null when there is none. */
    List<Edge> shortestCycle() {
        List<Edge> best = null;
        for (int s = 0; s < n; s++) {
            if (adj[s] == 0) continue;
            List<Edge> c = null;
            long row = adj[s];
            while (row != 0) {
                int b = Long.numberOfTrailingZeros(row);
                row &= row - 1;
                List<Edge> back = shortestPath(b, s);
                if (back != null && (c == null || back.size() + 1 < c.size())) {
                    c = new ArrayList<>();
                    c.add(new Edge(s, b, label[s * n + b]));
                    c.addAll(back);
                }
            }
            if (c != null && (best == null || c.size() < best.size())) best = c;
        }
        return best;
    }

    /** A path with the fewest edges from a to b (empty when a == b), or null. */
    List<Edge> shortestPath(int a, int b) {
        if (a == b) return List.of();
        int[] prev = new int[n];
        java.util.Arrays.fill(prev, -1);
        prev[a] = a;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(a);
        while (!queue.isEmpty()) {
            int x = queue.poll();
            long row = adj[x];
            while (row != 0) {
                int y = Long.numberOfTrailingZeros(row);
                row &= row - 1;
                if (prev[y] >= 0) continue;
                prev[y] = x;
                if (y == b) {
                    List<Edge> path = new ArrayList<>();
                    for (int v = b; v != a; v = prev[v]) path.add(new Edge(prev[v], v, label[prev[v] * n + v]));
                    Collections.reverse(path);
                    return path;
                }
                queue.add(y);
            }
        }
        return null;
    }

    /** The transitive closure as bit rows. */
    long[] closure() {
        long[] c = adj.clone();
        for (int k = 0; k < n; k++) {
            long bit = 1L << k;
            for (int i = 0; i < n; i++) if ((c[i] & bit) != 0) c[i] |= c[k];
        }
        return c;
    }
}
