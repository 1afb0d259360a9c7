package racecourse.race.instrument;

import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import racecourse.race.edges.FieldInfo;
import racecourse.race.edges.Sites;

/**
 * The rewriting core that both instrumentations share: it walks one method's code and finds each field access,
 * array element load and store (but an array initializer's stores, see {@link ArrayInitializers}), monitor enter
 * and exit and call (and, on request, each {@code invokedynamic}),
 * keeping the current source line and whether {@code this} is initialized; it numbers sites in the one registry
 * of {@link Sites} and moves values aside into fresh locals above the method's own (which no stack-map frame
 * mentions, so only maximum sizes are recomputed; the detector's mode also adds one local to every frame, read
 * expanded for that, see {@link ClassInstrumenter}). What is emitted at each place is the mode's:
 * {@link ClassInstrumenter} records accesses and edges for the race detector, {@link ExplorerInstrumenter} puts
 * scheduling points and the scheduler's models. Not thread-safe: one instance per method.
 */
abstract class MethodScan {
    /** The class being rewritten. */
    final ClassNode cn;
    /** The class's binary name, dotted. */
    final String dottedName;
    /** The loader that defines the class (for the site's lazy field lookup), or null. */
    final ClassLoader loader;
    /** The method being rewritten. */
    final MethodNode m;
    /** Its code. */
    final InsnList code;
    /** The source line of the instruction being looked at, or -1. */
    int line = -1;
    /** Whether {@code this} is initialized (always, outside a constructor). */
    boolean thisReady;
    /** Element stores of array initializers, which touch an array no other thread can see yet. */
    private java.util.Set<AbstractInsnNode> freshStores = java.util.Set.of();
    private int nextLocal;

    MethodScan(ClassNode cn, String dottedName, ClassLoader loader, MethodNode m) {
        this.cn = cn;
        this.dottedName = dottedName;
        this.loader = loader;
        this.m = m;
        this.code = m.instructions;
        this.nextLocal = m.maxLocals;
        this.thisReady = !m.name.equals("<init>");
    }

    /** Reads a class file into a tree, its stack-map frames as they are stored. */
    static ClassNode read(byte[] classFile) {
        ClassNode cn = new ClassNode();
        new ClassReader(classFile).accept(cn, 0);
        return cn;
    }

    /**
     * Reads a class file into a tree with every stack-map frame expanded ({@code F_NEW}: all locals and stack
     * items written out), so that a mode may add a local to each frame; any frame the mode adds must then be
     * expanded too.
     */
    static ClassNode readExpanded(byte[] classFile) {
        ClassNode cn = new ClassNode();
        new ClassReader(classFile).accept(cn, ClassReader.EXPAND_FRAMES);
        return cn;
    }

    /** Writes a rewritten tree, recomputing maximum stack and locals only. */
    static byte[] write(ClassNode cn) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cn.accept(cw);
        return cw.toByteArray();
    }

    /**
     * Walks the method once, calling the mode for each place it rewrites. The call that initializes {@code this}
     * in a constructor ({@code super(...)} or {@code this(...)}) only marks {@code this} ready.
     */
    final void scan() {
        freshStores = ArrayInitializers.freshStores(code);
        for (AbstractInsnNode n : code.toArray()) {
            if (n instanceof LineNumberNode ln) {
                line = ln.line;
            } else if (n instanceof FieldInsnNode f) {
                field(f);
            } else if (n instanceof InvokeDynamicInsnNode indy) {
                dynamic(indy);
            } else if (n instanceof MethodInsnNode mi) {
                if (!thisReady && mi.getOpcode() == Opcodes.INVOKESPECIAL && mi.name.equals("<init>")
                        && (mi.owner.equals(cn.superName) || mi.owner.equals(cn.name))) {
                    thisReady = true;
                } else {
                    call(mi);
                }
            } else {
                switch (n.getOpcode()) {
                    case Opcodes.IALOAD, Opcodes.LALOAD, Opcodes.FALOAD, Opcodes.DALOAD, Opcodes.AALOAD,
                         Opcodes.BALOAD, Opcodes.CALOAD, Opcodes.SALOAD -> arrayLoad(n);
                    case Opcodes.IASTORE, Opcodes.LASTORE, Opcodes.FASTORE, Opcodes.DASTORE, Opcodes.AASTORE,
                         Opcodes.BASTORE, Opcodes.CASTORE, Opcodes.SASTORE -> {
                        if (!freshStores.contains(n)) {
                            arrayStore(n);
                        }
                    }
                    case Opcodes.MONITORENTER -> monitor(n, true);
                    case Opcodes.MONITOREXIT -> monitor(n, false);
                    default -> {
                    }
                }
            }
        }
    }

    /** A {@code GETFIELD}, {@code PUTFIELD}, {@code GETSTATIC} or {@code PUTSTATIC}. */
    abstract void field(FieldInsnNode f);

    /** An array element load. */
    abstract void arrayLoad(AbstractInsnNode n);

    /** An array element store, other than an array initializer's. */
    abstract void arrayStore(AbstractInsnNode n);

    /** A {@code MONITORENTER} ({@code enter}) or {@code MONITOREXIT}. */
    abstract void monitor(AbstractInsnNode n, boolean enter);

    /** A method call other than the one that initializes {@code this}. */
    abstract void call(MethodInsnNode mi);

    /** An {@code invokedynamic}; left alone unless the mode says otherwise. */
    void dynamic(InvokeDynamicInsnNode indy) {
    }

    /**
     * Registers a site at the current line in the one site registry and returns its number: {@code kind} is one
     * of {@link racecourse.race.edges.Site}'s kinds; {@code owner} and {@code name} the field's or the called
     * method's (null for an array element).
     */
    final int site(int kind, boolean write, String owner, String name, int flags, int[] wrap, FieldInfo known) {
        return Sites.register(kind, write, dottedName, m.name, cn.sourceFile, line, owner, name, flags, wrap,
                loader, known);
    }

    /** A fresh local for a value of type {@code t}, above the method's own. */
    final int newLocal(Type t) {
        int v = nextLocal;
        nextLocal += t.getSize();
        return v;
    }

    /** The number of locals the rewritten method uses. */
    final int maxLocals() {
        return nextLocal;
    }

    /** The type of the value an array store takes. */
    static Type storedType(int opcode) {
        return switch (opcode) {
            case Opcodes.LASTORE -> Type.LONG_TYPE;
            case Opcodes.FASTORE -> Type.FLOAT_TYPE;
            case Opcodes.DASTORE -> Type.DOUBLE_TYPE;
            case Opcodes.AASTORE -> Type.getType(Object.class);
            default -> Type.INT_TYPE;
        };
    }

    /** Code that stores {@code args} (on the stack, last on top) in fresh locals; returns their numbers. */
    final int[] stashArguments(Type[] args, InsnList into) {
        int[] locals = new int[args.length];
        for (int i = args.length - 1; i >= 0; i--) {
            locals[i] = newLocal(args[i]);
            into.add(new VarInsnNode(args[i].getOpcode(Opcodes.ISTORE), locals[i]));
        }
        return locals;
    }

    /** Code that loads the stashed {@code args} back, first first. */
    static void reloadArguments(Type[] args, int[] locals, InsnList into) {
        for (int i = 0; i < args.length; i++) {
            into.add(new VarInsnNode(args[i].getOpcode(Opcodes.ILOAD), locals[i]));
        }
    }

    /** Code that loads a synchronized method's monitor: {@code this}, or the class for a static method. */
    final InsnList lockLoad() {
        InsnList l = new InsnList();
        if ((m.access & Opcodes.ACC_STATIC) != 0) {
            l.add(new LdcInsnNode(Type.getObjectType(cn.name)));
        } else {
            l.add(new VarInsnNode(Opcodes.ALOAD, 0));
        }
        return l;
    }

    /** A copy of {@code l}. */
    static InsnList copy(InsnList l) {
        InsnList c = new InsnList();
        for (AbstractInsnNode n : l) {
            c.add(n.clone(Map.of()));
        }
        return c;
    }

    /** A call of the static hook {@code owner.name}. */
    static MethodInsnNode hook(String owner, String name, String desc) {
        return new MethodInsnNode(Opcodes.INVOKESTATIC, owner, name, desc, false);
    }
}
