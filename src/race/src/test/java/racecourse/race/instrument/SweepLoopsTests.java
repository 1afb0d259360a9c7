package racecourse.race.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import racecourse.race.DataRace;
import racecourse.race.edges.Hooks;
import racecourse.race.edges.Session;
import racecourse.race.edges.Site;
import racecourse.race.edges.Sites;
import racecourse.race.edges.Tracker;
import racecourse.race.instrument.fixture.Sweeps;

/**
 * Sweeps ({@link SweepLoops}): which loops and accesses are recorded as ranges when the loop ends, that the
 * rewritten class verifies and computes what the plain one does, and that a range holds exactly the elements the
 * loop touched, when it ends normally and when an exception ends it, with the access's own line in the report.
 */
class SweepLoopsTests {
    private static final String FIXTURE = Sweeps.class.getName();

    @BeforeEach
    void otherThreadStartedBeforeTheSession() throws Exception {
        OTHER.submit(() -> { }).get();
    }

    @AfterEach
    void noSessionLeft() {
        Tracker.end();
    }

    @Test
    void sweepsAreCountedLoopsWithoutCallsFieldsMonitorsOrExitsAndTheirAccessesOfEveryIteration() throws Exception {
        ClassNode cn = MethodScan.readExpanded(DetectorModeTests.bytes(FIXTURE));
        Map<String, List<String>> found = new TreeMap<>();
        for (MethodNode m : cn.methods) {
            List<String> kinds = new ArrayList<>();
            for (SweepLoops.Loop loop : SweepLoops.find(cn, m)) {
                for (SweepLoops.Access a : loop.accesses()) {
                    kinds.add((a.write() ? "W " : "R ") + a.arrayType());
                }
            }
            if (!m.name.startsWith("<")) {
                found.put(m.name, kinds);
            }
        }
        Map<String, List<String>> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("fill", List.of("W [I")),
                Map.entry("sum", List.of("R [J")),
                Map.entry("forEach", List.of("R [I")),
                Map.entry("increment", List.of("R [I", "W [I")),
                Map.entry("copy", List.of("R [I", "W [D")),
                Map.entry("inclusive", List.of("W [I")),
                Map.entry("objects", List.of("W [Ljava/lang/String;")),
                Map.entry("withInnerBranch", List.of("W [I")),
                Map.entry("rows", List.of("W [I")),
                Map.entry("divide", List.of("R [I", "W [I")),
                Map.entry("breaks", List.of()),
                Map.entry("conditional", List.of()),
                Map.entry("calls", List.of()),
                Map.entry("field", List.of("W [I")),
                Map.entry("total", List.of("R [I")),
                Map.entry("volatileField", List.of()),
                Map.entry("otherClassField", List.of()),
                Map.entry("otherIndex", List.of()),
                Map.entry("reassigned", List.of()),
                Map.entry("strided", List.of()),
                Map.entry("descending", List.of()),
                Map.entry("keepsLast", List.of()),
                Map.entry("skips", List.of()),
                Map.entry("returns", List.of()),
                Map.entry("locks", List.of())));
        assertEquals(expected, found);
    }

    @Test
    void theRewrittenClassVerifiesAndComputesWhatThePlainClassDoesWithTrackingOffAndOn() throws Exception {
        List<Object> plain = everyLoop(Sweeps.class);
        assertEquals(plain, everyLoop(Rewritten.load(FIXTURE)), "tracking off");
        Session s = Rewritten.begin();
        assertEquals(plain, everyLoop(Rewritten.load(FIXTURE)), "tracking on");
        Tracker.end();
        assertEquals(List.of(), s.log().races(), "one thread alone races with nothing");
        assertTrue(plain.contains("ArithmeticException"), "the division by zero ends a loop: " + plain);
    }

    @Test
    void aRangeHoldsExactlyTheElementsTheLoopTouched() throws Exception {
        Class<?> c = Rewritten.load(FIXTURE);
        int[] from = new int[32];
        double[] to = new double[32];
        Session s = Rewritten.begin();
        Rewritten.call(c, null, "copy", from, to, 10, 20);
        List<String> raced = racesWithWritesBy(s, Map.of(to, new int[] {9, 10, 19, 20}, from, new int[] {15, 20}));
        assertEquals(List.of("double[] element 10", "double[] element 19", "int[] element 15"), raced);
    }

    @Test
    void aLoopEndedByAnExceptionRecordsTheIterationsItFinished() throws Exception {
        Class<?> c = Rewritten.load(FIXTURE);
        int[] a = new int[8];
        int[] by = {1, 1, 1, 1, 0, 1, 1, 1};
        Session s = Rewritten.begin();
        assertEquals("ArithmeticException", Rewritten.call(c, null, "divide", a, by));
        // a[0..3] were written and by[0..3] read; a[4] never was, nor by[5]. (The read of by[4], made in the
        // iteration that threw, is not recorded: see SweepLoops.)
        List<String> raced = racesWithWritesBy(s, Map.of(a, new int[] {3, 4}, by, new int[] {0, 3, 5}));
        assertEquals(List.of("int[] element 0", "int[] element 3", "int[] element 3"), raced);
    }

    @Test
    void eachRecordOfARangeCarriesItsAccessesLineForTheReportsStack() throws Exception {
        ClassNode cn = MethodScan.readExpanded(Rewritten.bytes(FIXTURE));
        for (String name : List.of("fill", "copy", "divide")) {
            MethodNode m = cn.methods.stream().filter(x -> x.name.equals(name)).findFirst().orElseThrow();
            List<Integer> lines = new ArrayList<>();
            int line = -1;
            for (AbstractInsnNode n : m.instructions) {
                if (n instanceof LineNumberNode ln) {
                    line = ln.line;
                } else if (n instanceof MethodInsnNode mi && mi.name.equals("arrayRange")) {
                    lines.add(line);
                }
            }
            // each range is recorded twice: where the loop ends, and where an exception leaves it
            List<Integer> expected = new ArrayList<>();
            expected.addAll(accessLines(name));
            expected.addAll(accessLines(name));
            assertEquals(expected, lines, name);
        }
    }

    /**
     * Writes the given elements from a thread the session never saw start (so nothing orders it with the caller),
     * each at a site of its own, and returns the variables of the races found.
     */
    private static List<String> racesWithWritesBy(Session s, Map<Object, int[]> elements) throws Exception {
        for (Map.Entry<Object, int[]> e : elements.entrySet()) {
            for (int i : e.getValue()) {
                writeFromUnorderedThread(e.getKey(), i);
            }
        }
        Tracker.end();
        List<String> raced = new ArrayList<>();
        for (DataRace r : s.log().races()) {
            raced.add(r.variable());
        }
        raced.sort(null);
        return raced;
    }

    private static int nextSite = 1;

    /**
     * A thread made before any session (so that it inherits no clock) that runs the jobs handed to it. This class
     * is not rewritten, so nothing records the hand-over: its writes are unordered with everything.
     */
    private static final java.util.concurrent.ExecutorService OTHER = java.util.concurrent.Executors
            .newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "other");
                t.setDaemon(true);
                return t;
            });

    private static void writeFromUnorderedThread(Object array, int index) throws Exception {
        int site = Sites.register(Site.ARRAY, true, "SweepLoopsTests", "other", "SweepLoopsTests.java",
                nextSite++, null, null, 0, null, null, null);
        OTHER.submit(() -> Hooks.arrayStore(array, index, site)).get();
    }

    /** The source lines of the sweeps' accesses of the fixture's method {@code name}, in code order. */
    private static List<Integer> accessLines(String name) throws Exception {
        ClassNode cn = MethodScan.readExpanded(DetectorModeTests.bytes(FIXTURE));
        MethodNode m = cn.methods.stream().filter(x -> x.name.equals(name)).findFirst().orElseThrow();
        java.util.Set<AbstractInsnNode> swept = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (SweepLoops.Loop loop : SweepLoops.find(cn, m)) {
            loop.accesses().forEach(a -> swept.add(a.insn()));
        }
        List<Integer> lines = new ArrayList<>();
        int line = -1;
        for (AbstractInsnNode n : m.instructions) {
            if (n instanceof LineNumberNode ln) {
                line = ln.line;
            } else if (swept.contains(n)) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** Calls every method of the fixture on fresh arrays and lists what each returned (or threw) and left. */
    private static List<Object> everyLoop(Class<?> c) throws Exception {
        List<Object> out = new ArrayList<>();
        int[] a = {5, 4, 3, 2, 1, 0};
        out.add(Rewritten.call(c, null, "fill", a.clone(), 9));
        out.add(Rewritten.call(c, null, "sum", (Object) new long[] {1, 2, 3, 1L << 40}));
        out.add(Rewritten.call(c, null, "forEach", (Object) a.clone()));
        int[] inc = a.clone();
        out.add(Rewritten.call(c, null, "increment", (Object) inc));
        out.add(Arrays.toString(inc));
        double[] to = new double[6];
        out.add(Rewritten.call(c, null, "copy", a.clone(), to, 1, 5));
        out.add(Arrays.toString(to));
        out.add(Rewritten.call(c, null, "copy", a.clone(), to, 4, 9));
        out.add(Rewritten.call(c, null, "inclusive", a.clone(), 5));
        out.add(Rewritten.call(c, null, "inclusive", a.clone(), 6));
        String[] strings = new String[3];
        out.add(Rewritten.call(c, null, "objects", strings, "x"));
        out.add(Arrays.toString(strings));
        int[] b = new int[6];
        out.add(Rewritten.call(c, null, "withInnerBranch", a.clone(), b));
        out.add(Arrays.toString(b));
        int[][] m = {new int[3], new int[0], new int[2]};
        out.add(Rewritten.call(c, null, "rows", (Object) m));
        out.add(Arrays.deepToString(m));
        int[] d = new int[6];
        out.add(Rewritten.call(c, null, "divide", d, new int[] {1, 2, 3, 0, 5, 6}));
        out.add(Arrays.toString(d));
        out.add(Rewritten.call(c, null, "divide", d, new int[] {1, 2, 3, 4, 5, 6}));
        out.add(Arrays.toString(d));
        for (String name : List.of("breaks", "conditional", "calls", "field", "volatileField", "otherIndex",
                "strided", "descending", "skips", "returns", "locks")) {
            int[] x = a.clone();
            out.add(Rewritten.call(c, null, name, (Object) x));
            out.add(Arrays.toString(x));
        }
        out.add(Rewritten.call(c, null, "reassigned", a.clone(), new int[6]));
        out.add(Rewritten.call(c, null, "otherClassField", a.clone(), new java.awt.Point(7, 8)));
        Object totals = c.getConstructor().newInstance();
        out.add(Rewritten.call(c, totals, "total", (Object) a.clone()));
        out.add(Rewritten.call(c, totals, "total", (Object) a.clone()));
        out.add(Rewritten.call(c, null, "keepsLast", (Object) new Object[] {"p", null, "q"}));
        out.add(Rewritten.call(c, null, "fill", null, 1));
        return out;
    }
}
