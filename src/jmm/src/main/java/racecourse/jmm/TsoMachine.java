package racecourse.jmm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The operational x86-TSO machine: each thread has a first-in first-out store buffer; a store goes into its
 * thread's buffer; a load takes the newest buffered store to its variable from its own thread's buffer, or else
 * memory; at any moment the oldest entry of any buffer may drain to memory; a fence (and the locked instruction
 * HotSpot puts after a volatile store) waits until its thread's buffer is empty. Explores every interleaving of
 * these steps. Immutable after construction; thread-safe.
 */
public final class TsoMachine {
    /** A register not yet loaded. */
    static final int UNSET = Integer.MIN_VALUE;

    private final Litmus test;
    private final List<String> vars;
    private final List<String> regs;
    /** Per thread: its x86 instructions after HotSpot's mapping. */
    private final List<List<Op>> code;

    /** A machine for one test. */
    public TsoMachine(Litmus test) {
        this.test = test;
        this.vars = test.variables();
        this.regs = test.registers();
        List<List<Op>> c = new ArrayList<>();
        for (List<Op> t : test.threads()) {
            List<Op> ops = new ArrayList<>();
            for (Op op : t) {
                ops.add(op);
                if (op instanceof Op.Store s && s.mode() == Mode.VOLATILE) ops.add(new Op.Fence());
            }
            c.add(ops);
        }
        this.code = List.copyOf(c);
    }

    /** One machine state: program counters, registers, memory, and each thread's buffer as (variable, value) pairs. */
    record State(int[] pc, int[] reg, int[] mem, int[][] buffer) {
        State copy() {
            int[][] b = new int[buffer.length][];
            for (int i = 0; i < b.length; i++) b[i] = buffer[i].clone();
            return new State(pc.clone(), reg.clone(), mem.clone(), b);
        }

        String key() {
            return Arrays.toString(pc) + Arrays.toString(reg) + Arrays.toString(mem) + Arrays.deepToString(buffer);
        }
    }

    /** One step of a run: what happened, and the state after it (registers not yet loaded are absent). */
    public record Step(String action, List<List<String>> buffers, Map<String, Integer> memory, Map<String, Integer> registers) {
    }

    /** Every outcome some run of the machine ends in. */
    public Set<Outcome> outcomes() {
        Set<Outcome> out = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>();
        ArrayDeque<State> stack = new ArrayDeque<>();
        State start = initial();
        stack.push(start);
        seen.add(start.key());
        while (!stack.isEmpty()) {
            State s = stack.pop();
            List<Move> moves = moves(s);
            if (moves.isEmpty() && done(s)) out.add(outcome(s));
            for (Move m : moves) {
                if (seen.add(m.next.key())) stack.push(m.next);
            }
        }
        return out;
    }

    /** The shortest run that ends in an outcome matching the test's condition, or null when none does. */
    public TsoWitness witness() {
        State start = initial();
        Map<String, String> parent = new HashMap<>();
        Map<String, Move> via = new HashMap<>();
        Map<String, State> states = new HashMap<>();
        ArrayDeque<State> queue = new ArrayDeque<>();
        queue.add(start);
        parent.put(start.key(), null);
        states.put(start.key(), start);
        while (!queue.isEmpty()) {
            State s = queue.poll();
            List<Move> moves = moves(s);
            if (moves.isEmpty() && done(s) && test.condition().matches(outcome(s))) {
                List<Step> steps = new ArrayList<>();
                for (String k = s.key(); parent.get(k) != null; k = parent.get(k)) {
                    Move m = via.get(k);
                    steps.addFirst(snapshot(m.action, m.next));
                }
                steps.addFirst(snapshot("start: every variable is 0, every buffer empty", start));
                return new TsoWitness(test, steps, outcome(s));
            }
            for (Move m : moves) {
                String k = m.next.key();
                if (parent.containsKey(k)) continue;
                parent.put(k, s.key());
                via.put(k, m);
                states.put(k, m.next);
                queue.add(m.next);
            }
        }
        return null;
    }

    private record Move(String action, State next) {
    }

    private State initial() {
        int[][] b = new int[code.size()][0];
        int[] reg = new int[regs.size()];
        Arrays.fill(reg, UNSET);
        return new State(new int[code.size()], reg, new int[vars.size()], b);
    }

    private boolean done(State s) {
        for (int t = 0; t < code.size(); t++) if (s.pc()[t] < code.get(t).size() || s.buffer()[t].length > 0) return false;
        return true;
    }

    private List<Move> moves(State s) {
        List<Move> out = new ArrayList<>();
        for (int t = 0; t < code.size(); t++) {
            String who = test.threadNames().get(t);
            if (s.pc()[t] >= code.get(t).size()) continue;
            Op op = code.get(t).get(s.pc()[t]);
            switch (op) {
                case Op.Store st -> {
                    State n = s.copy();
                    int[] b = n.buffer()[t];
                    int[] nb = Arrays.copyOf(b, b.length + 2);
                    nb[b.length] = vars.indexOf(st.var());
                    nb[b.length + 1] = st.value();
                    n.buffer()[t] = nb;
                    n.pc()[t]++;
                    out.add(new Move(who + " writes " + st.var() + "=" + st.value() + " into its buffer", n));
                }
                case Op.Load ld -> {
                    State n = s.copy();
                    int v = vars.indexOf(ld.var());
                    int[] b = s.buffer()[t];
                    Integer buffered = null;
                    for (int i = 0; i < b.length; i += 2) if (b[i] == v) buffered = b[i + 1];
                    int value = buffered != null ? buffered : s.mem()[v];
                    n.reg()[regs.indexOf(ld.reg())] = value;
                    n.pc()[t]++;
                    out.add(new Move(who + " reads " + ld.var() + "=" + value + (buffered != null ? " from its own buffer" : " from memory")
                            + " into " + ld.reg(), n));
                }
                case Op.Fence f -> {
                    if (s.buffer()[t].length == 0) {
                        State n = s.copy();
                        n.pc()[t]++;
                        out.add(new Move(who + " passes a fence (its buffer is empty)", n));
                    }
                }
            }
        }
        for (int t = 0; t < code.size(); t++) {
            if (s.buffer()[t].length == 0) continue;
            State n = s.copy();
            int[] b = n.buffer()[t];
            n.mem()[b[0]] = b[1];
            n.buffer()[t] = Arrays.copyOfRange(b, 2, b.length);
            out.add(new Move(test.threadNames().get(t) + "'s buffer drains " + vars.get(b[0]) + "=" + b[1] + " to memory", n));
        }
        return out;
    }

    private Outcome outcome(State s) {
        TreeMap<String, Integer> r = new TreeMap<>();
        for (int i = 0; i < regs.size(); i++) r.put(regs.get(i), s.reg()[i]);
        TreeMap<String, Integer> m = new TreeMap<>();
        for (int i = 0; i < vars.size(); i++) m.put(vars.get(i), s.mem()[i]);
        return new Outcome(r, m);
    }

    private Step snapshot(String action, State s) {
        List<List<String>> buffers = new ArrayList<>();
        for (int t = 0; t < code.size(); t++) {
            List<String> b = new ArrayList<>();
            int[] buf = s.buffer()[t];
            for (int i = 0; i < buf.length; i += 2) b.add(vars.get(buf[i]) + "=" + buf[i + 1]);
            buffers.add(List.copyOf(b));
        }
        Map<String, Integer> mem = new java.util.LinkedHashMap<>();
        for (int i = 0; i < vars.size(); i++) mem.put(vars.get(i), s.mem()[i]);
        Map<String, Integer> reg = new java.util.LinkedHashMap<>();
        for (int i = 0; i < regs.size(); i++) if (s.reg()[i] != UNSET) reg.put(regs.get(i), s.reg()[i]);
        return new Step(action, List.copyOf(buffers), mem, reg);
    }
}
