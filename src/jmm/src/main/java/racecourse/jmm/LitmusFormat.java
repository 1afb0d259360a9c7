package racecourse.jmm;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small text format of a litmus test, one thread per line. Thread-safe (stateless).
 *
 * <pre>
 * # comments start with '#'
 * test MP+rel+acq
 * A: x = 1; y.release = 1
 * B: r0 = y.acquire; r1 = x
 * exists r0 = 1 &amp;&amp; r1 = 0
 * </pre>
 *
 * A store is {@code var[.mode] = constant}, a load {@code reg = var[.mode]} (registers are r0, r1, ...), a fence
 * is {@code fence}; the mode is plain when left out. The condition names registers and final values.
 */
public final class LitmusFormat {
    private static final Pattern THREAD = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)\\s*:(.*)");
    private static final Pattern STORE = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(?:\\.([a-z]+))?\\s*=\\s*(-?\\d+)");
    private static final Pattern LOAD = Pattern.compile("(r\\d+)\\s*=\\s*([A-Za-z_][A-Za-z0-9_]*)(?:\\.([a-z]+))?");

    private LitmusFormat() {
    }

    /**
     * Reads one test.
     *
     * @throws IllegalArgumentException with the line number and what was expected
     */
    public static Litmus parse(String text) {
        String name = "test";
        String condition = null;
        Litmus.Builder builder = null;
        List<String[]> threadLines = new ArrayList<>();
        List<Integer> threadLineNumbers = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int hash = line.indexOf('#');
            if (hash >= 0) line = line.substring(0, hash).strip();
            if (line.isEmpty()) continue;
            if (line.startsWith("test ")) {
                name = line.substring(5).strip();
            } else if (line.startsWith("exists")) {
                if (condition != null) throw error(i, "a second 'exists' line");
                condition = line.substring(6).strip();
                if (condition.startsWith("(") && condition.endsWith(")")) condition = condition.substring(1, condition.length() - 1);
            } else {
                Matcher m = THREAD.matcher(line);
                if (!m.matches()) throw error(i, "'" + line + "' (expected 'test NAME', 'A: ops; ...' or 'exists COND')");
                threadLines.add(new String[] {m.group(1), m.group(2)});
                threadLineNumbers.add(i);
            }
        }
        if (threadLines.isEmpty()) throw new IllegalArgumentException("no thread lines (expected e.g. 'A: x = 1; r0 = y')");
        if (condition == null) throw new IllegalArgumentException("no 'exists' line (expected e.g. 'exists r0 = 0 && r1 = 0')");
        builder = Litmus.builder(name);
        for (int t = 0; t < threadLines.size(); t++) {
            String[] tl = threadLines.get(t);
            int lineNo = threadLineNumbers.get(t);
            List<Op> ops = new ArrayList<>();
            for (String part : tl[1].split(";")) {
                String op = part.strip();
                if (op.isEmpty()) continue;
                try {
                    ops.add(parseOp(op));
                } catch (IllegalArgumentException e) {
                    throw error(lineNo, e.getMessage());
                }
            }
            builder.thread(tl[0], b -> {
                for (Op op : ops) {
                    switch (op) {
                        case Op.Store s -> b.store(s.var(), s.value(), s.mode());
                        case Op.Load l -> b.load(l.reg(), l.var(), l.mode());
                        case Op.Fence f -> b.fence();
                    }
                }
                return b;
            });
        }
        builder.exists(condition);
        return builder.build();
    }

    private static Op parseOp(String op) {
        if (op.equals("fence") || op.equals("mfence") || op.equals("dmb") || op.equals("fullFence")) return new Op.Fence();
        Matcher load = LOAD.matcher(op);
        if (load.matches()) {
            return new Op.Load(load.group(1), load.group(2), load.group(3) == null ? Mode.PLAIN : Mode.parse(load.group(3)));
        }
        Matcher store = STORE.matcher(op);
        if (store.matches()) {
            return new Op.Store(store.group(1), Integer.parseInt(store.group(3)),
                    store.group(2) == null ? Mode.PLAIN : Mode.parse(store.group(2)));
        }
        throw new IllegalArgumentException("cannot read '" + op + "' (expected 'x = 1', 'x.release = 1', 'r0 = y', 'r0 = y.acquire' or 'fence')");
    }

    private static IllegalArgumentException error(int line, String what) {
        return new IllegalArgumentException("line " + (line + 1) + ": " + what);
    }

    /** Writes a test so that {@link #parse} reads it back. */
    public static String format(Litmus test) {
        StringBuilder out = new StringBuilder("test ").append(test.name()).append('\n');
        for (int t = 0; t < test.threads().size(); t++) {
            out.append(test.threadNames().get(t)).append(": ");
            List<Op> ops = test.threads().get(t);
            for (int i = 0; i < ops.size(); i++) {
                if (i > 0) out.append("; ");
                out.append(ops.get(i));
            }
            out.append('\n');
        }
        return out.append("exists ").append(test.condition()).append('\n').toString();
    }
}
