package racecourse.explore.instrument;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Handle;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;
import racecourse.explore.sched.Sites;

/**
 * Rewrites one class for the explorer: a scheduling point before every non-final field and array access, monitors
 * and synchronized methods handed to the scheduler's model, and the library calls of {@link CallRules} replaced
 * or preceded by a step. Values moved aside go to fresh locals above the method's own, which no stack-map frame
 * mentions, so only maximum sizes are recomputed. Not thread-safe: one instance per class.
 */
public final class ExploreInstrumenter {
    private static final String HOOKS = "racecourse/explore/sched/Hooks";

    private final Hierarchy hierarchy;
    private final List<MethodNode> bridges = new ArrayList<>();
    private ClassNode cn;
    private String dotted;

    /** A rewriter that looks other classes up through {@code source}'s resources. */
    public ExploreInstrumenter(ClassLoader source) {
        this(new Hierarchy(source));
    }

    ExploreInstrumenter(Hierarchy hierarchy) {
        this.hierarchy = hierarchy;
    }

    /** The instrumented class file. */
    public byte[] instrument(byte[] classFile) {
        cn = new ClassNode();
        new ClassReader(classFile).accept(cn, 0);
        if ((cn.access & (Opcodes.ACC_MODULE | Opcodes.ACC_INTERFACE)) != 0 && cn.methods.stream()
                .noneMatch(m -> m.instructions.size() > 0)) {
            return classFile;
        }
        dotted = cn.name.replace('/', '.');
        for (MethodNode m : List.copyOf(cn.methods)) {
            if (m.instructions.size() == 0) continue;
            if (m.name.equals("<clinit>")) {
                new MethodRewrite(m).wholeInitialiser();
            } else {
                new MethodRewrite(m).run();
            }
        }
        cn.methods.addAll(bridges);
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cn.accept(cw);
        return cw.toByteArray();
    }

    private final class MethodRewrite {
        private final MethodNode m;
        private final InsnList code;
        private int nextLocal;
        private int line = -1;
        private boolean thisReady;

        MethodRewrite(MethodNode m) {
            this.m = m;
            this.code = m.instructions;
            this.nextLocal = m.maxLocals;
            this.thisReady = !m.name.equals("<init>");
        }

        void run() {
            for (AbstractInsnNode n : code.toArray()) {
                if (n instanceof LineNumberNode ln) {
                    line = ln.line;
                } else if (n instanceof FieldInsnNode f) {
                    if (thisReady) field(f);
                } else if (n instanceof InvokeDynamicInsnNode indy) {
                    methodReference(indy);
                } else if (n instanceof MethodInsnNode mi) {
                    if (!thisReady && mi.getOpcode() == Opcodes.INVOKESPECIAL && mi.name.equals("<init>")
                            && (mi.owner.equals(cn.superName) || mi.owner.equals(cn.name))) {
                        thisReady = true;
                        continue;
                    }
                    if (mi.getOpcode() == Opcodes.INVOKESPECIAL && mi.owner.equals("java/util/concurrent/CyclicBarrier")
                            && mi.desc.equals("(ILjava/lang/Runnable;)V") && !cn.superName.equals(mi.owner)) {
                        barrierAction(mi);
                        continue;
                    }
                    call(mi);
                } else {
                    switch (n.getOpcode()) {
                        case Opcodes.IALOAD, Opcodes.LALOAD, Opcodes.FALOAD, Opcodes.DALOAD, Opcodes.AALOAD,
                             Opcodes.BALOAD, Opcodes.CALOAD, Opcodes.SALOAD -> arrayLoad(n);
                        case Opcodes.IASTORE, Opcodes.LASTORE, Opcodes.FASTORE, Opcodes.DASTORE, Opcodes.AASTORE,
                             Opcodes.BASTORE, Opcodes.CASTORE, Opcodes.SASTORE -> arrayStore(n);
                        case Opcodes.MONITORENTER -> monitor(n, "monitorEnter", "lock (synchronized)");
                        case Opcodes.MONITOREXIT -> monitor(n, "monitorExit", "unlock (end of synchronized)");
                        default -> {
                        }
                    }
                }
            }
            if ((m.access & Opcodes.ACC_SYNCHRONIZED) != 0) synchronizedMethod();
            m.maxLocals = nextLocal;
        }

        private int site(String what, int fieldKey, boolean write) {
            return site(what, fieldKey, write, false);
        }

        private int site(String what, int fieldKey, boolean write, boolean ordered) {
            return Sites.add(new Sites.Site(dotted, m.name, line, cn.sourceFile, what, fieldKey, write, ordered));
        }

        private void field(FieldInsnNode f) {
            if (f.owner.startsWith("java/") || f.owner.startsWith("jdk/") || f.owner.startsWith("javax/")) return;
            if (f.name.startsWith("$") || f.name.startsWith("this$")) return;
            if (hierarchy.isFinal(f.owner, f.name)) return;
            String declaring = hierarchy.declaringClass(f.owner, f.name);
            int key = Sites.fieldKey(declaring, f.name);
            String name = declaring.substring(declaring.lastIndexOf('/') + 1).replaceAll(".*\\$", "") + "." + f.name;
            boolean ordered = hierarchy.isVolatile(f.owner, f.name);
            InsnList before = new InsnList();
            switch (f.getOpcode()) {
                case Opcodes.GETFIELD -> {
                    before.add(new InsnNode(Opcodes.DUP));
                    before.add(new LdcInsnNode(site("read " + name, key, false, ordered)));
                    before.add(hook("read", "(Ljava/lang/Object;I)V"));
                }
                case Opcodes.PUTFIELD -> {
                    Type t = Type.getType(f.desc);
                    int tmp = local(t);
                    before.add(new VarInsnNode(t.getOpcode(Opcodes.ISTORE), tmp));
                    before.add(new InsnNode(Opcodes.DUP));
                    before.add(new LdcInsnNode(site("write " + name, key, true, ordered)));
                    before.add(hook("write", "(Ljava/lang/Object;I)V"));
                    before.add(new VarInsnNode(t.getOpcode(Opcodes.ILOAD), tmp));
                }
                case Opcodes.GETSTATIC -> {
                    before.add(new LdcInsnNode(site("read " + name, key, false, ordered)));
                    before.add(hook("readStatic", "(I)V"));
                }
                case Opcodes.PUTSTATIC -> {
                    before.add(new LdcInsnNode(site("write " + name, key, true, ordered)));
                    before.add(hook("writeStatic", "(I)V"));
                }
                default -> {
                    return;
                }
            }
            code.insertBefore(f, before);
        }

        private void arrayLoad(AbstractInsnNode n) {
            InsnList before = new InsnList();
            before.add(new InsnNode(Opcodes.DUP2));
            before.add(new LdcInsnNode(site("read array element", -1, false)));
            before.add(hook("arrayRead", "(Ljava/lang/Object;II)V"));
            code.insertBefore(n, before);
        }

        private void arrayStore(AbstractInsnNode n) {
            Type t = switch (n.getOpcode()) {
                case Opcodes.LASTORE -> Type.LONG_TYPE;
                case Opcodes.FASTORE -> Type.FLOAT_TYPE;
                case Opcodes.DASTORE -> Type.DOUBLE_TYPE;
                case Opcodes.AASTORE -> Type.getType(Object.class);
                default -> Type.INT_TYPE;
            };
            int tmp = local(t);
            InsnList before = new InsnList();
            before.add(new VarInsnNode(t.getOpcode(Opcodes.ISTORE), tmp));
            before.add(new InsnNode(Opcodes.DUP2));
            before.add(new LdcInsnNode(site("write array element", -1, true)));
            before.add(hook("arrayWrite", "(Ljava/lang/Object;II)V"));
            before.add(new VarInsnNode(t.getOpcode(Opcodes.ILOAD), tmp));
            code.insertBefore(n, before);
        }

        private void monitor(AbstractInsnNode n, String hook, String what) {
            code.insertBefore(n, new LdcInsnNode(site(what, -1, true)));
            code.set(n, hook(hook, "(Ljava/lang/Object;I)V"));
        }

        private void call(MethodInsnNode mi) {
            CallRules.Action a = CallRules.forCall(mi.getOpcode(), mi.owner, mi.name, mi.desc, hierarchy);
            if (a == null) return;
            switch (a.kind()) {
                case REPLACE -> {
                    code.insertBefore(mi, new LdcInsnNode(site(a.what(), -1, true)));
                    code.set(mi, hook(a.hook(), CallRules.hookDescriptor(mi.getOpcode(), mi.desc)));
                }
                case GLOBAL -> {
                    InsnList before = new InsnList();
                    before.add(new LdcInsnNode(site(a.what(), -1, true)));
                    before.add(hook("global", "(I)V"));
                    code.insertBefore(mi, before);
                }
                case UNSUPPORTED -> {
                    InsnList before = new InsnList();
                    before.add(new LdcInsnNode(site(a.what(), -1, true)));
                    before.add(hook("unsupported", "(I)V"));
                    code.insertBefore(mi, before);
                }
                case ASYNC -> { // the same call with the explorer's executor as its last argument
                    InsnList before = new InsnList();
                    before.add(new LdcInsnNode(site(a.what(), -1, true)));
                    before.add(hook("Synchronizers.asyncExecutor", "(I)Ljava/util/concurrent/Executor;"));
                    code.insertBefore(mi, before);
                    mi.desc = mi.desc.replace(")", "Ljava/util/concurrent/Executor;)");
                }
                case ACCESS -> {
                    Type[] args = Type.getArgumentTypes(mi.desc);
                    int[] slots = new int[args.length];
                    for (int i = 0; i < args.length; i++) slots[i] = local(args[i]);
                    InsnList before = new InsnList();
                    for (int i = args.length - 1; i >= 0; i--) {
                        before.add(new VarInsnNode(args[i].getOpcode(Opcodes.ISTORE), slots[i]));
                    }
                    before.add(new InsnNode(Opcodes.DUP));
                    before.add(new LdcInsnNode(site(a.what(), -1, a.write(), a.ordered())));
                    before.add(hook("access", "(Ljava/lang/Object;I)V"));
                    for (int i = 0; i < args.length; i++) {
                        before.add(new VarInsnNode(args[i].getOpcode(Opcodes.ILOAD), slots[i]));
                    }
                    code.insertBefore(mi, before);
                }
            }
        }

        /**
         * A method reference to a replaced call ({@code Thread::start}, {@code Lock::unlock}, ...) is pointed at a
         * small static bridge in this class that calls the hook instead.
         */
        private void methodReference(InvokeDynamicInsnNode indy) {
            if (!indy.bsm.getOwner().equals("java/lang/invoke/LambdaMetafactory") || indy.bsmArgs.length < 3
                    || !(indy.bsmArgs[1] instanceof Handle h)) {
                return;
            }
            int opcode = switch (h.getTag()) {
                case Opcodes.H_INVOKEVIRTUAL -> Opcodes.INVOKEVIRTUAL;
                case Opcodes.H_INVOKEINTERFACE -> Opcodes.INVOKEINTERFACE;
                case Opcodes.H_INVOKESTATIC -> Opcodes.INVOKESTATIC;
                default -> -1;
            };
            if (opcode < 0) return;
            CallRules.Action a = CallRules.forCall(opcode, h.getOwner(), h.getName(), h.getDesc(), hierarchy);
            if (a == null || a.kind() != CallRules.Kind.REPLACE) return;
            Type[] args = Type.getArgumentTypes(h.getDesc());
            StringBuilder desc = new StringBuilder("(");
            if (opcode != Opcodes.INVOKESTATIC) desc.append(Type.getObjectType(h.getOwner()).getDescriptor());
            for (Type t : args) desc.append(t.getDescriptor());
            desc.append(')').append(Type.getReturnType(h.getDesc()).getDescriptor());
            MethodNode bridge = new MethodNode(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
                    "$explore$ref" + bridges.size(), desc.toString(), null, null);
            int slot = 0;
            for (Type t : Type.getArgumentTypes(desc.toString())) {
                bridge.instructions.add(new VarInsnNode(t.getOpcode(Opcodes.ILOAD), slot));
                slot += t.getSize();
            }
            bridge.instructions.add(new LdcInsnNode(site(a.what(), -1, true)));
            bridge.instructions.add(hook(a.hook(), CallRules.hookDescriptor(opcode, h.getDesc())));
            bridge.instructions.add(new InsnNode(Type.getReturnType(h.getDesc()).getOpcode(Opcodes.IRETURN)));
            bridges.add(bridge);
            indy.bsmArgs[1] = new Handle(Opcodes.H_INVOKESTATIC, cn.name, bridge.name, bridge.desc,
                    (cn.access & Opcodes.ACC_INTERFACE) != 0);
        }

        /** {@code new CyclicBarrier(n, action)}: the real barrier gets no action; the model keeps it. */
        private void barrierAction(MethodInsnNode init) {
            int tmp = local(Type.getType(Object.class));
            InsnList before = new InsnList();
            before.add(new VarInsnNode(Opcodes.ASTORE, tmp));
            before.add(new InsnNode(Opcodes.ACONST_NULL));
            code.insertBefore(init, before);
            InsnList after = new InsnList();
            after.add(new InsnNode(Opcodes.DUP));
            after.add(new VarInsnNode(Opcodes.ALOAD, tmp));
            after.add(hook("barrierAction", "(Ljava/lang/Object;Ljava/lang/Runnable;)V"));
            code.insert(init, after);
        }

        /** Turns a synchronized method into one that takes and releases its monitor through the model. */
        private void synchronizedMethod() {
            boolean isStatic = (m.access & Opcodes.ACC_STATIC) != 0;
            m.access &= ~Opcodes.ACC_SYNCHRONIZED;
            int enterSite = site("lock (synchronized method)", -1, true);
            int exitSite = site("unlock (end of synchronized method)", -1, true);
            LabelNode start = new LabelNode();
            LabelNode end = new LabelNode();
            LabelNode handler = new LabelNode();
            InsnList head = new InsnList();
            head.add(lockObject(isStatic));
            head.add(new LdcInsnNode(enterSite));
            head.add(hook("monitorEnter", "(Ljava/lang/Object;I)V"));
            head.add(start);
            code.insert(head);
            for (AbstractInsnNode n : code.toArray()) {
                int op = n.getOpcode();
                if (op >= Opcodes.IRETURN && op <= Opcodes.RETURN) {
                    InsnList exit = new InsnList();
                    exit.add(lockObject(isStatic));
                    exit.add(new LdcInsnNode(exitSite));
                    exit.add(hook("monitorExit", "(Ljava/lang/Object;I)V"));
                    code.insertBefore(n, exit);
                }
            }
            code.add(end);
            code.add(handler);
            Object[] locals = isStatic ? new Object[0] : new Object[] {cn.name};
            code.add(new FrameNode(Opcodes.F_FULL, locals.length, locals, 1, new Object[] {"java/lang/Throwable"}));
            code.add(lockObject(isStatic));
            code.add(new LdcInsnNode(exitSite));
            code.add(hook("monitorExit", "(Ljava/lang/Object;I)V"));
            code.add(new InsnNode(Opcodes.ATHROW));
            m.tryCatchBlocks.add(new TryCatchBlockNode(start, end, handler, null));
        }

        /**
         * Brackets a static initialiser with {@code initialiserEnter}/{@code initialiserExit}, so that it runs whole,
         * as part of the step that first used its class (see docs/explore.md, "Static initialisers").
         */
        void wholeInitialiser() {
            LabelNode start = new LabelNode();
            LabelNode end = new LabelNode();
            LabelNode handler = new LabelNode();
            InsnList head = new InsnList();
            head.add(hook("initialiserEnter", "()V"));
            head.add(start);
            code.insert(head);
            for (AbstractInsnNode n : code.toArray()) {
                if (n.getOpcode() == Opcodes.RETURN) code.insertBefore(n, hook("initialiserExit", "()V"));
            }
            code.add(end);
            code.add(handler);
            code.add(new FrameNode(Opcodes.F_FULL, 0, new Object[0], 1, new Object[] {"java/lang/Throwable"}));
            code.add(hook("initialiserExit", "()V"));
            code.add(new InsnNode(Opcodes.ATHROW));
            m.tryCatchBlocks.add(new TryCatchBlockNode(start, end, handler, null));
        }

        private InsnList lockObject(boolean isStatic) {
            InsnList l = new InsnList();
            if (isStatic) l.add(new LdcInsnNode(Type.getObjectType(cn.name)));
            else l.add(new VarInsnNode(Opcodes.ALOAD, 0));
            return l;
        }

        private int local(Type t) {
            int slot = nextLocal;
            nextLocal += t.getSize();
            return slot;
        }

        private MethodInsnNode hook(String name, String desc) {
            int dot = name.indexOf('.'); // "Synchronizers.fork": a hook of another class of the sched package
            return dot < 0 ? new MethodInsnNode(Opcodes.INVOKESTATIC, HOOKS, name, desc, false)
                    : new MethodInsnNode(Opcodes.INVOKESTATIC, "racecourse/explore/sched/" + name.substring(0, dot),
                            name.substring(dot + 1), desc, false);
        }
    }
}
