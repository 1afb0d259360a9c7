package racecourse.jmm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The classic litmus tests, named as herdtools7's catalogue names them, and their fenced and release/acquire
 * variants. Immutable; thread-safe.
 */
public final class Catalogue {
    private static final Map<String, Litmus> TESTS = new LinkedHashMap<>();
    private static final List<String> CLASSICS = List.of("SB", "MP", "LB", "IRIW", "2+2W", "CoRR", "WRC", "R", "S");

    static {
        add("""
            test SB
            A: x = 1; r0 = y
            B: y = 1; r1 = x
            exists r0 = 0 && r1 = 0""", "Store buffering: can both threads miss the other's write?");
        add("""
            test MP
            A: x = 1; y = 1
            B: r0 = y; r1 = x
            exists r0 = 1 && r1 = 0""", "Message passing: can the reader see the flag y but not the data x?");
        add("""
            test LB
            A: r0 = x; y = 1
            B: r1 = y; x = 1
            exists r0 = 1 && r1 = 1""", "Load buffering: can each read see the write that comes after the other read?");
        add("""
            test IRIW
            A: x = 1
            B: y = 1
            C: r0 = x; r1 = y
            D: r2 = y; r3 = x
            exists r0 = 1 && r1 = 0 && r2 = 1 && r3 = 0""", "Independent reads of independent writes: can two readers see two writes in opposite orders?");
        add("""
            test 2+2W
            A: x = 1; y = 2
            B: y = 1; x = 2
            exists x = 1 && y = 1""", "Two writes each: can both first writes end up last?");
        add("""
            test CoRR
            A: x = 1
            B: r0 = x; r1 = x
            exists r0 = 1 && r1 = 0""", "Coherence of two reads: can a thread read the new value and then the old one?");
        add("""
            test WRC
            A: x = 1
            B: r0 = x; y = 1
            C: r1 = y; r2 = x
            exists r0 = 1 && r1 = 1 && r2 = 0""", "Write-to-read causality: can C see B's write but not the write B had seen?");
        add("""
            test R
            A: x = 1; y = 1
            B: y = 2; r0 = x
            exists y = 2 && r0 = 0""", "R: B's write of y comes last, yet B's later read of x misses A's earlier write");
        add("""
            test S
            A: x = 2; y = 1
            B: r0 = y; x = 1
            exists x = 2 && r0 = 1""", "S: B sees A's flag, yet B's write of x comes before A's earlier write of x");
        add("""
            test SB+fences
            A: x = 1; fence; r0 = y
            B: y = 1; fence; r1 = x
            exists r0 = 0 && r1 = 0""", "Store buffering with a full fence (mfence, DMB SY, fullFence) in each thread");
        add("""
            test SB+rel+acq
            A: x.release = 1; r0 = y.acquire
            B: y.release = 1; r1 = x.acquire
            exists r0 = 0 && r1 = 0""", "Store buffering with release stores and acquire loads");
        add("""
            test MP+rel+acq
            A: x = 1; y.release = 1
            B: r0 = y.acquire; r1 = x
            exists r0 = 1 && r1 = 0""", "Message passing with a release store and an acquire load of the flag");
        add("""
            test MP+fences
            A: x = 1; fence; y = 1
            B: r0 = y; fence; r1 = x
            exists r0 = 1 && r1 = 0""", "Message passing with a full fence in each thread");
        add("""
            test LB+fences
            A: r0 = x; fence; y = 1
            B: r1 = y; fence; x = 1
            exists r0 = 1 && r1 = 1""", "Load buffering with a full fence in each thread");
        add("""
            test IRIW+fences
            A: x = 1
            B: y = 1
            C: r0 = x; fence; r1 = y
            D: r2 = y; fence; r3 = x
            exists r0 = 1 && r1 = 0 && r2 = 1 && r3 = 0""", "IRIW with a full fence between each reader's two reads");
        add("""
            test 2+2W+fences
            A: x = 1; fence; y = 2
            B: y = 1; fence; x = 2
            exists x = 1 && y = 1""", "2+2W with a full fence in each thread");
        add("""
            test R+fences
            A: x = 1; fence; y = 1
            B: y = 2; fence; r0 = x
            exists y = 2 && r0 = 0""", "R with a full fence in each thread");
        add("""
            test WRC+fences
            A: x = 1
            B: r0 = x; fence; y = 1
            C: r1 = y; fence; r2 = x
            exists r0 = 1 && r1 = 1 && r2 = 0""", "WRC with a full fence in the two later threads");
        add("""
            test Dekker
            A: x = 1; r0 = y
            B: y = 1; r1 = x
            exists r0 = 0 && r1 = 0""", "The entry of Dekker's lock: each thread raises its flag, then checks the other's");
    }

    private Catalogue() {
    }

    private static void add(String text, String description) {
        Litmus parsed = LitmusFormat.parse(text);
        Litmus.Builder b = Litmus.builder(parsed.name()).description(description);
        for (int t = 0; t < parsed.threads().size(); t++) {
            List<Op> ops = parsed.threads().get(t);
            b.thread(parsed.threadNames().get(t), tb -> {
                for (Op op : ops) {
                    switch (op) {
                        case Op.Store s -> tb.store(s.var(), s.value(), s.mode());
                        case Op.Load l -> tb.load(l.reg(), l.var(), l.mode());
                        case Op.Fence f -> tb.fence();
                    }
                }
                return tb;
            });
        }
        TESTS.put(parsed.name().toLowerCase(Locale.ROOT), b.exists(parsed.condition().toString()).build());
    }

    /** A test by name, any case. */
    public static Litmus named(String name) {
        Litmus t = TESTS.get(name.trim().toLowerCase(Locale.ROOT));
        if (t == null) {
            throw new IllegalArgumentException("no test named '" + name + "' (known: " + String.join(", ", names()) + ")");
        }
        return t;
    }

    /** Every test's name, classics first. */
    public static List<String> names() {
        List<String> out = new ArrayList<>();
        for (Litmus t : TESTS.values()) out.add(t.name());
        return out;
    }

    /** The nine classic shapes: SB, MP, LB, IRIW, 2+2W, CoRR, WRC, R, S. */
    public static List<Litmus> classics() {
        return CLASSICS.stream().map(Catalogue::named).toList();
    }

    /** Every test, classics first, then variants. */
    public static List<Litmus> all() {
        return List.copyOf(TESTS.values());
    }
}
