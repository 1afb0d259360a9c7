package racecourse.jmm;

import java.util.ArrayList;
import java.util.List;

/**
 * A litmus test compiled to events and the relations that do not depend on an execution: program order, the
 * events of each variable, and where fences stand. Immutable after construction; thread-safe.
 */
final class Program {
    final Litmus test;
    final Event[] events;
    final int n;
    final List<String> vars;
    /** po[a] has bit b when a comes before b in one thread (transitive). */
    final long[] po;
    /** writes[loc]: ids of writes to loc, the initial write first. */
    final int[][] writes;
    /** reads[loc]: ids of reads of loc. */
    final int[][] reads;
    /** fenced[a] has bit b when a full fence stands between a and b in program order. */
    private final long[] fenced;

    Program(Litmus test) {
        this.test = test;
        this.vars = test.variables();
        List<Event> list = new ArrayList<>();
        for (int v = 0; v < vars.size(); v++) {
            list.add(new Event(list.size(), -1, 0, Event.Kind.WRITE, v, vars.get(v), 0, null, Mode.PLAIN));
        }
        for (int t = 0; t < test.threads().size(); t++) {
            List<Op> ops = test.threads().get(t);
            for (int i = 0; i < ops.size(); i++) {
                int id = list.size();
                list.add(switch (ops.get(i)) {
                    case Op.Store s -> new Event(id, t, i, Event.Kind.WRITE, vars.indexOf(s.var()), s.var(), s.value(), null, s.mode());
                    case Op.Load l -> new Event(id, t, i, Event.Kind.READ, vars.indexOf(l.var()), l.var(), 0, l.reg(), l.mode());
                    case Op.Fence f -> new Event(id, t, i, Event.Kind.FENCE, -1, null, 0, null, Mode.VOLATILE);
                });
            }
        }
        events = list.toArray(new Event[0]);
        n = events.length;
        if (n > 64) throw new IllegalArgumentException(test.name() + ": too many events (" + n + "; at most 64)");
        po = new long[n];
        for (Event a : events) {
            for (Event b : events) {
                if (!a.isInit() && a.thread() == b.thread() && a.index() < b.index()) po[a.id()] |= 1L << b.id();
            }
        }
        fenced = new long[n];
        for (Event f : events) {
            if (!f.isFence()) continue;
            for (int a = 0; a < n; a++) if (po(a, f.id())) fenced[a] |= po[f.id()];
        }
        writes = new int[vars.size()][];
        reads = new int[vars.size()][];
        for (int v = 0; v < vars.size(); v++) {
            List<Integer> w = new ArrayList<>();
            List<Integer> r = new ArrayList<>();
            for (Event e : events) {
                if (e.loc() != v) continue;
                if (e.isWrite()) w.add(e.id());
                if (e.isRead()) r.add(e.id());
            }
            writes[v] = w.stream().mapToInt(Integer::intValue).toArray();
            reads[v] = r.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    boolean po(int a, int b) {
        return (po[a] >>> b & 1L) != 0;
    }

    /** Whether a full fence stands between a and b in program order. */
    boolean fenceBetween(int a, int b) {
        return (fenced[a] >>> b & 1L) != 0;
    }

    boolean sameThread(int a, int b) {
        return events[a].thread() >= 0 && events[a].thread() == events[b].thread();
    }

    String threadName(int t) {
        return test.threadNames().get(t);
    }
}
