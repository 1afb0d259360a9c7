package racecourse.race.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import racecourse.race.DataRace;
import racecourse.race.edges.Hooks;
import racecourse.race.edges.Session;
import racecourse.race.edges.Site;
import racecourse.race.edges.Sites;
import racecourse.race.edges.Tracker;
import racecourse.race.instrument.fixture.Shapes;

/**
 * The thread's state kept in a local of each instrumented method: every stack-map frame of every shape of method
 * declares it (the JVM verifies the rewritten class, which then computes what the plain class computes), races
 * between loops are found through it, and a session that begins, ends or is replaced while a method runs gets
 * exactly the accesses made while it runs. A class file too old to have frames gets the local as well.
 */
class StateLocalTests {
    private static final String FIXTURE = Shapes.class.getName();

    @AfterEach
    void noSessionLeft() {
        Tracker.end();
    }

    /** Calls every shape on a new object of {@code c} and lists what each returned (or threw). */
    private static List<Object> everyShape(Class<?> c) throws Exception {
        List<Object> out = new ArrayList<>();
        for (int size : new int[] {6, -5}) {
            Object o = c.getConstructor(int.class).newInstance(size);
            out.add(Rewritten.call(c, o, "branches", 5));
            out.add(Rewritten.call(c, o, "branches", -9));
            out.add(Rewritten.call(c, o, "branches", 1));
            out.add(Rewritten.call(c, o, "loopAtStart"));
            out.add(Rewritten.call(c, o, "wide", (Object) new double[] {1, 2, 3}));
            out.add(Rewritten.call(c, o, "handlers", new int[] {1, 2, 3}, 2));
            out.add(Rewritten.call(c, o, "handlers", new int[] {1, 2, 3}, 7));
            out.add(Rewritten.call(c, o, "handlers", new int[] {1, 2, 3}, 5000));
            out.add(Rewritten.call(c, o, "switches", (Object) new String[] {"alpha", "beta", "omega"}));
            out.add(Rewritten.call(c, o, "locked", 13));
            out.add(Rewritten.call(c, o, "block", new Object()));
            out.add(Rewritten.call(c, o, "lambda"));
            out.add(Rewritten.call(c, null, "seeded"));
            out.add(Rewritten.call(c, null, "across", new int[] {4, 5, 6}, (Runnable) () -> { }));
            out.add(Rewritten.call(c, null, "acrossChecked", new int[] {4, 5, 6}, (Runnable) () -> { }));
        }
        return out;
    }

    @Test
    void everyShapeVerifiesAndComputesWhatThePlainClassDoesWithTrackingOffAndOn() throws Exception {
        List<Object> plain = everyShape(Shapes.class);
        assertEquals(plain, everyShape(Rewritten.load(FIXTURE)), "tracking off");
        Session s = Rewritten.begin();
        assertEquals(plain, everyShape(Rewritten.load(FIXTURE)), "tracking on");
        Tracker.end();
        assertEquals(List.of(), s.log().races(), "one thread alone races with nothing");
    }

    @Test
    void everyMethodWithSeveralAccessesOrALoopKeepsTheStateAndEveryFrameDeclaresIt() throws Exception {
        ClassNode cn = new ClassNode();
        new ClassReader(Rewritten.bytes(FIXTURE)).accept(cn, ClassReader.EXPAND_FRAMES);
        Set<String> keeping = new TreeSet<>();
        for (MethodNode m : cn.methods) {
            int local = stateLocal(m);
            if (local < 0) {
                continue;
            }
            keeping.add(m.name.startsWith("lambda$") ? "lambda" : m.name + m.desc);
            int frames = 0;
            for (AbstractInsnNode n : m.instructions) {
                if (n instanceof FrameNode f) {
                    frames++;
                    assertEquals("java/lang/Object", localAt(f.local, local), m.name + ": a frame without the state");
                }
            }
            assertTrue(frames > 0 || !m.name.equals("branches"), m.name);
        }
        for (String expected : List.of("<init>(ID)V", "<init>(I)V", "branches(I)I", "loopAtStart()I",
                "wide([D)D", "handlers([II)I", "switches([Ljava/lang/String;)I", "locked(I)J",
                "block(Ljava/lang/Object;)I", "lambda", "<clinit>()V", "acrossChecked([ILjava/lang/Runnable;)I")) {
            assertTrue(keeping.contains(expected), expected + " keeps no state local; those that do: " + keeping);
        }
        assertFalse(keeping.contains("across([ILjava/lang/Runnable;)I"), "two sweeps: their accesses are recorded as "
                + "ranges when each loop ends, by hooks that look the state up themselves");
        assertFalse(keeping.contains("seeded()J"), "one access and no loop: the hook looks the state up itself");
    }

    /** The local a method stores {@code Hooks.here()} into, or -1. */
    private static int stateLocal(MethodNode m) {
        for (AbstractInsnNode n : m.instructions) {
            if (n instanceof MethodInsnNode mi && mi.name.equals("here") && mi.owner.endsWith("/Hooks")) {
                return ((VarInsnNode) mi.getNext()).var;
            }
        }
        return -1;
    }

    /** The type of local {@code slot} in an expanded frame's list (long and double take two slots, one item). */
    private static Object localAt(List<Object> locals, int slot) {
        int at = 0;
        for (Object t : locals) {
            if (at == slot) {
                return t;
            }
            at += t == Opcodes.LONG || t == Opcodes.DOUBLE ? 2 : 1;
        }
        return null;
    }

    @Test
    void twoThreadsFillingOneArrayInLoopsRace() throws Exception {
        Class<?> c = Rewritten.load(FIXTURE);
        Session s = Rewritten.begin();
        Rewritten.call(c, null, "racyFill", (Object) new int[64]);
        Tracker.end();
        List<DataRace> races = s.log().races();
        assertFalse(races.isEmpty(), "the two fills race");
        assertTrue(races.getFirst().variable().startsWith("int[] element"), races.getFirst().variable());
    }

    private static final int OTHER_WRITE = Sites.register(Site.ARRAY, true, "StateLocalTests", "other",
            "StateLocalTests.java", 1, null, null, 0, null, null, null);

    /**
     * A thread, made before any session (so that it inherits no clock), that writes element 0 of {@code a}: started
     * and joined in the middle of a method by code the detector does not see, it is unordered with the method.
     */
    private static Runnable otherThreadWritesFirstElement(int[] a) {
        Thread t = new Thread(() -> Hooks.arrayStore(a, 0, OTHER_WRITE));
        return () -> {
            t.start();
            try {
                t.join();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"across", "acrossChecked"})
    void aSessionThatBeginsWhileAMethodRunsSeesItsLaterAccesses(String method) throws Exception {
        Class<?> c = Rewritten.load(FIXTURE);
        int[] a = new int[8];
        Runnable other = otherThreadWritesFirstElement(a);
        Session[] begun = new Session[1];
        Rewritten.call(c, null, method, a, (Runnable) () -> {
            begun[0] = Rewritten.begin();
            other.run();
        });
        Tracker.end();
        assertEquals(1, begun[0].log().races().size(), "the method's accesses after the start race with the other "
                + "thread's write");
    }

    @ParameterizedTest
    @ValueSource(strings = {"across", "acrossChecked"})
    void aSessionThatEndsWhileAMethodRunsGetsNothingMoreFromIt(String method) throws Exception {
        Class<?> c = Rewritten.load(FIXTURE);
        int[] a = new int[8];
        Runnable other = otherThreadWritesFirstElement(a);
        Session s = Rewritten.begin();
        Rewritten.call(c, null, method, a, (Runnable) () -> {
            other.run(); // races with the first loop's write
            Tracker.end();
        });
        List<DataRace> races = s.log().races();
        assertEquals(1, races.size(), "the race with the first loop only, not the later accesses: " + races);
    }

    @ParameterizedTest
    @ValueSource(strings = {"across", "acrossChecked"})
    void aSessionThatReplacesAnotherWhileAMethodRunsSeesItsLaterAccesses(String method) throws Exception {
        Class<?> c = Rewritten.load(FIXTURE);
        int[] a = new int[8];
        Runnable other = otherThreadWritesFirstElement(a);
        Session first = Rewritten.begin();
        Session[] second = new Session[1];
        Rewritten.call(c, null, method, a, (Runnable) () -> {
            Tracker.end();
            second[0] = Rewritten.begin();
            other.run();
        });
        Tracker.end();
        assertEquals(List.of(), first.log().races());
        assertEquals(1, second[0].log().races().size(), "the later accesses, already made in the same epoch of the "
                + "first session, are new to the second one and race with the other thread's write");
    }

    /**
     * A class file of version 49 (Java 5), which has no stack-map frames: {@code static int sum(int[] a)} adding
     * the elements in a loop.
     */
    private static byte[] java5Sum(String internalName) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V1_5, Opcodes.ACC_PUBLIC, internalName, null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "sum", "([I)I",
                null, null);
        mv.visitCode();
        Label loop = new Label();
        Label end = new Label();
        mv.visitInsn(Opcodes.ICONST_0);
        mv.visitVarInsn(Opcodes.ISTORE, 1);
        mv.visitInsn(Opcodes.ICONST_0);
        mv.visitVarInsn(Opcodes.ISTORE, 2);
        mv.visitLabel(loop);
        mv.visitVarInsn(Opcodes.ILOAD, 2);
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitInsn(Opcodes.ARRAYLENGTH);
        mv.visitJumpInsn(Opcodes.IF_ICMPGE, end);
        mv.visitVarInsn(Opcodes.ILOAD, 1);
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitVarInsn(Opcodes.ILOAD, 2);
        mv.visitInsn(Opcodes.IALOAD);
        mv.visitInsn(Opcodes.IADD);
        mv.visitVarInsn(Opcodes.ISTORE, 1);
        mv.visitIincInsn(2, 1);
        mv.visitJumpInsn(Opcodes.GOTO, loop);
        mv.visitLabel(end);
        mv.visitVarInsn(Opcodes.ILOAD, 1);
        mv.visitInsn(Opcodes.IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    @Test
    void aClassFileWithoutFramesKeepsTheStateInALocalToo() throws Exception {
        String name = "racecourse.race.instrument.fixture.Java5Sum";
        byte[] out = new ClassInstrumenter(StateLocalTests.class.getClassLoader(), true)
                .instrument(java5Sum(name.replace('.', '/')));
        assertNotNull(out);
        ClassNode cn = new ClassNode();
        new ClassReader(out).accept(cn, 0);
        MethodNode sum = cn.methods.stream().filter(m -> m.name.equals("sum")).findFirst().orElseThrow();
        assertTrue(stateLocal(sum) >= 0, "a loop: the method keeps the state");
        Class<?> c = Rewritten.define(name, out);
        Session s = Rewritten.begin();
        assertEquals(6, Rewritten.call(c, null, "sum", (Object) new int[] {1, 2, 3}));
        Tracker.end();
        assertEquals(List.of(), s.log().races());
    }
}
