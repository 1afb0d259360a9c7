package racecourse.race.instrument;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Handle;
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
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;
import racecourse.race.edges.Site;

/**
 * The explorer's mode of the shared core ({@link MethodScan}): a scheduling point before every non-final field
 * and array access, monitors and synchronized methods handed to the scheduler's model, and the library calls of
 * {@link CallRules#model} replaced or preceded by a step. Sites are numbered in the one registry of
 * {@link racecourse.race.edges.Sites}, as the detector's are; what the scheduler says about each step goes to
 * its {@link Steps}. Every hook call of the explorer's instrumentation is emitted in this class. Not thread-safe:
 * one instance per class loader, used under its class-loading lock.
 */
public final class ExplorerInstrumenter {
    private static final String HOOKS = "racecourse/explore/sched/Hooks";
    private static final String SCHED = "racecourse/explore/sched/";

    /** Where the explorer keeps what it says about each site. Implementations are thread-safe. */
    public interface Steps {
        /**
         * Notes site {@code site}: {@code what} the step does ("read Counter.v", "lock (synchronized)", ...), the
         * field it touches (its declaring class's internal name and its name, or nulls), whether it writes and
         * whether it synchronizes (a volatile field, an atomic, a concurrent collection).
         */
        void note(int site, String what, String fieldOwner, String fieldName, boolean write, boolean ordered);
    }

    private final Hierarchy hierarchy;
    private final Steps steps;
    private final ClassLoader loader;
    private final List<MethodNode> bridges = new ArrayList<>();
    private ClassNode cn;
    private String dotted;

    /** A rewriter that looks other classes up through {@code source}'s resources and notes steps in {@code steps}. */
    public ExplorerInstrumenter(ClassLoader source, Steps steps) {
        this.hierarchy = new Hierarchy(source);
        this.steps = steps;
        this.loader = source;
    }

    /** The instrumented class file. */
    public byte[] instrument(byte[] classFile) {
        bridges.clear();
        cn = MethodScan.read(classFile);
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
        return MethodScan.write(cn);
    }

    private final class MethodRewrite extends MethodScan {
        MethodRewrite(MethodNode m) {
            super(ExplorerInstrumenter.this.cn, ExplorerInstrumenter.this.dotted, ExplorerInstrumenter.this.loader, m);
        }

        void run() {
            scan();
            if ((m.access & Opcodes.ACC_SYNCHRONIZED) != 0) synchronizedMethod();
            m.maxLocals = maxLocals();
        }

        /** A step that is not a field or array access: a call, a monitor, a model's point. */
        private int site(String what, boolean write) {
            return step(Site.CALL, write, null, null, what, null, null, false);
        }

        /** The site of a call that {@link CallRules#model} rewrites. */
        private int callSite(MethodInsnNode mi, CallRules.Action a) {
            return step(Site.CALL, a.write(), mi.owner, mi.name, a.what(), null, null, a.ordered());
        }

        /** Registers a site in the shared registry and notes what the scheduler says about it. */
        private int step(int kind, boolean write, String owner, String name, String what, String fieldOwner,
                         String fieldName, boolean ordered) {
            int id = site(kind, write, owner, name, 0, null, null);
            steps.note(id, what, fieldOwner, fieldName, write, ordered);
            return id;
        }

        @Override
        void field(FieldInsnNode f) {
            if (!thisReady) return;
            if (f.owner.startsWith("java/") || f.owner.startsWith("jdk/") || f.owner.startsWith("javax/")) return;
            if (f.name.startsWith("$") || f.name.startsWith("this$")) return;
            if (hierarchy.isFinal(f.owner, f.name)) return;
            String declaring = hierarchy.declaringClass(f.owner, f.name);
            String name = declaring.substring(declaring.lastIndexOf('/') + 1).replaceAll(".*\\$", "") + "." + f.name;
            boolean ordered = hierarchy.isVolatile(f.owner, f.name);
            boolean isStatic = f.getOpcode() == Opcodes.GETSTATIC || f.getOpcode() == Opcodes.PUTSTATIC;
            boolean write = f.getOpcode() == Opcodes.PUTFIELD || f.getOpcode() == Opcodes.PUTSTATIC;
            int site = step(isStatic ? Site.STATIC : Site.FIELD, write, f.owner, f.name,
                    (write ? "write " : "read ") + name, declaring, f.name, ordered);
            InsnList before = new InsnList();
            switch (f.getOpcode()) {
                case Opcodes.GETFIELD -> {
                    before.add(new InsnNode(Opcodes.DUP));
                    before.add(new LdcInsnNode(site));
                    before.add(hook("read", "(Ljava/lang/Object;I)V"));
                }
                case Opcodes.PUTFIELD -> {
                    Type t = Type.getType(f.desc);
                    int tmp = newLocal(t);
                    before.add(new VarInsnNode(t.getOpcode(Opcodes.ISTORE), tmp));
                    before.add(new InsnNode(Opcodes.DUP));
                    before.add(new LdcInsnNode(site));
                    before.add(hook("write", "(Ljava/lang/Object;I)V"));
                    before.add(new VarInsnNode(t.getOpcode(Opcodes.ILOAD), tmp));
                }
                case Opcodes.GETSTATIC -> {
                    before.add(new LdcInsnNode(site));
                    before.add(hook("readStatic", "(I)V"));
                }
                case Opcodes.PUTSTATIC -> {
                    before.add(new LdcInsnNode(site));
                    before.add(hook("writeStatic", "(I)V"));
                }
                default -> {
                    return;
                }
            }
            code.insertBefore(f, before);
        }

        @Override
        void arrayLoad(AbstractInsnNode n) {
            InsnList before = new InsnList();
            before.add(new InsnNode(Opcodes.DUP2));
            before.add(new LdcInsnNode(step(Site.ARRAY, false, null, null, "read array element", null, null,
                    false)));
            before.add(hook("arrayRead", "(Ljava/lang/Object;II)V"));
            code.insertBefore(n, before);
        }

        @Override
        void arrayStore(AbstractInsnNode n) {
            Type t = storedType(n.getOpcode());
            int tmp = newLocal(t);
            InsnList before = new InsnList();
            before.add(new VarInsnNode(t.getOpcode(Opcodes.ISTORE), tmp));
            before.add(new InsnNode(Opcodes.DUP2));
            before.add(new LdcInsnNode(step(Site.ARRAY, true, null, null, "write array element", null, null,
                    false)));
            before.add(hook("arrayWrite", "(Ljava/lang/Object;II)V"));
            before.add(new VarInsnNode(t.getOpcode(Opcodes.ILOAD), tmp));
            code.insertBefore(n, before);
        }

        @Override
        void monitor(AbstractInsnNode n, boolean enter) {
            code.insertBefore(n, new LdcInsnNode(site(enter ? "lock (synchronized)" : "unlock (end of synchronized)",
                    true)));
            code.set(n, hook(enter ? "monitorEnter" : "monitorExit", "(Ljava/lang/Object;I)V"));
        }

        @Override
        void call(MethodInsnNode mi) {
            if (mi.getOpcode() == Opcodes.INVOKESPECIAL && mi.owner.equals("java/util/concurrent/CyclicBarrier")
                    && mi.desc.equals("(ILjava/lang/Runnable;)V") && !cn.superName.equals(mi.owner)) {
                barrierAction(mi);
                return;
            }
            if (BulkArrays.rewrite(mi, code, this::newLocal, write -> step(Site.ARRAY, write, null, null,
                    (write ? "write array range (" : "read array range (") + mi.owner.substring(mi.owner.lastIndexOf('/') + 1) + "." + mi.name + ")",
                    null, null, false), HOOKS)) {
                return; // the JDK reads or writes the elements itself: one step on the array
            }
            if (plainArrayVarHandle(mi) || plainFieldVarHandle(mi)) return;
            CallRules.Action a = CallRules.model(mi.getOpcode(), mi.owner, mi.name, mi.desc, hierarchy);
            if (a == null) return;
            switch (a.kind()) {
                case REPLACE -> {
                    code.insertBefore(mi, new LdcInsnNode(callSite(mi, a)));
                    code.set(mi, hook(a.hook(), CallRules.hookDescriptor(mi.getOpcode(), mi.desc)));
                }
                case GLOBAL -> {
                    InsnList before = new InsnList();
                    before.add(new LdcInsnNode(callSite(mi, a)));
                    before.add(hook("global", "(I)V"));
                    code.insertBefore(mi, before);
                }
                case UNSUPPORTED -> {
                    InsnList before = new InsnList();
                    before.add(new LdcInsnNode(callSite(mi, a)));
                    before.add(hook("unsupported", "(I)V"));
                    code.insertBefore(mi, before);
                }
                case ASYNC -> { // the same call with the explorer's executor as its last argument
                    InsnList before = new InsnList();
                    before.add(new LdcInsnNode(callSite(mi, a)));
                    before.add(hook("Synchronizers.asyncExecutor", "(I)Ljava/util/concurrent/Executor;"));
                    code.insertBefore(mi, before);
                    mi.desc = mi.desc.replace(")", "Ljava/util/concurrent/Executor;)");
                }
                case ACCESS -> {
                    Type[] args = Type.getArgumentTypes(mi.desc);
                    InsnList before = new InsnList();
                    int[] slots = stashArguments(args, before);
                    before.add(new InsnNode(Opcodes.DUP));
                    before.add(new LdcInsnNode(callSite(mi, a)));
                    before.add(hook("access", "(Ljava/lang/Object;I)V"));
                    reloadArguments(args, slots, before);
                    code.insertBefore(mi, before);
                }
            }
        }

        /**
         * A method reference to a replaced call ({@code Thread::start}, {@code Lock::unlock}, ...) is pointed at a
         * small static bridge in this class that calls the hook instead.
         */
        @Override
        void dynamic(InvokeDynamicInsnNode indy) {
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
            CallRules.Action a = CallRules.model(opcode, h.getOwner(), h.getName(), h.getDesc(), hierarchy);
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
            bridge.instructions.add(new LdcInsnNode(step(Site.CALL, true, h.getOwner(), h.getName(), a.what(), null, null, false)));
            bridge.instructions.add(hook(a.hook(), CallRules.hookDescriptor(opcode, h.getDesc())));
            bridge.instructions.add(new InsnNode(Type.getReturnType(h.getDesc()).getOpcode(Opcodes.IRETURN)));
            bridges.add(bridge);
            indy.bsmArgs[1] = new Handle(Opcodes.H_INVOKESTATIC, cn.name, bridge.name, bridge.desc,
                    (cn.access & Opcodes.ACC_INTERFACE) != 0);
        }

        /**
         * A plain {@code VarHandle.get(array, index)} or {@code set(array, index, value)} (an array element's
         * handle) is a data access of that element, as the detector sees it: the same step as {@code a[i]}.
         * Returns whether {@code mi} was one.
         */
        private boolean plainArrayVarHandle(MethodInsnNode mi) {
            if (!mi.owner.equals("java/lang/invoke/VarHandle") || !mi.name.equals("get") && !mi.name.equals("set")) {
                return false;
            }
            Type[] args = Type.getArgumentTypes(mi.desc);
            boolean write = mi.name.equals("set");
            if (args.length != (write ? 3 : 2) || args[0].getSort() != Type.ARRAY || args[1].getSort() != Type.INT) {
                return false;
            }
            InsnList before = new InsnList();
            int[] slots = stashArguments(args, before);
            before.add(new VarInsnNode(Opcodes.ALOAD, slots[0]));
            before.add(new VarInsnNode(Opcodes.ILOAD, slots[1]));
            before.add(new LdcInsnNode(step(Site.ARRAY, write, null, null,
                    write ? "write array element (VarHandle.set)" : "read array element (VarHandle.get)", null, null,
                    false)));
            before.add(hook(write ? "arrayWrite" : "arrayRead", "(Ljava/lang/Object;II)V"));
            reloadArguments(args, slots, before);
            code.insertBefore(mi, before);
            return true;
        }

        /**
         * A plain {@code VarHandle.get(obj)} / {@code set(obj, value)} (an instance field's handle) or {@code get()} /
         * {@code set(value)} (a static field's) is a data access of that field, as the detector sees it. Which field
         * is known only from the handle at run time, so the hook gets the handle and the object; a handle that is not
         * a field's gets the global step all other {@code VarHandle} calls get. Returns whether {@code mi} was one.
         */
        private boolean plainFieldVarHandle(MethodInsnNode mi) {
            if (!mi.owner.equals("java/lang/invoke/VarHandle") || !mi.name.equals("get") && !mi.name.equals("set")) {
                return false;
            }
            Type[] args = Type.getArgumentTypes(mi.desc);
            boolean write = mi.name.equals("set");
            int coordinates = args.length - (write ? 1 : 0);
            if (coordinates < 0 || coordinates > 1 || coordinates == 1 && args[0].getSort() != Type.OBJECT) {
                return false;
            }
            InsnList before = new InsnList();
            int[] slots = stashArguments(args, before);
            before.add(new InsnNode(Opcodes.DUP)); // the handle, now on top
            if (coordinates == 1) {
                before.add(new VarInsnNode(Opcodes.ALOAD, slots[0]));
            } else {
                before.add(new InsnNode(Opcodes.ACONST_NULL));
            }
            before.add(new InsnNode(write ? Opcodes.ICONST_1 : Opcodes.ICONST_0));
            before.add(new LdcInsnNode(step(Site.CALL, write, mi.owner, mi.name,
                    write ? "write field (VarHandle.set)" : "read field (VarHandle.get)", null, null, false)));
            before.add(new LdcInsnNode(Type.getObjectType(cn.name))); // its loader finds a static field's class
            before.add(hook("fieldHandle", "(Ljava/lang/Object;Ljava/lang/Object;ZILjava/lang/Class;)V"));
            reloadArguments(args, slots, before);
            code.insertBefore(mi, before);
            return true;
        }

        /** {@code new CyclicBarrier(n, action)}: the real barrier gets no action; the model keeps it. */
        private void barrierAction(MethodInsnNode init) {
            int tmp = newLocal(Type.getType(Object.class));
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
            int enterSite = site("lock (synchronized method)", true);
            int exitSite = site("unlock (end of synchronized method)", true);
            LabelNode start = new LabelNode();
            LabelNode end = new LabelNode();
            LabelNode handler = new LabelNode();
            InsnList head = new InsnList();
            head.add(lockLoad());
            head.add(new LdcInsnNode(enterSite));
            head.add(hook("monitorEnter", "(Ljava/lang/Object;I)V"));
            head.add(start);
            code.insert(head);
            for (AbstractInsnNode n : code.toArray()) {
                int op = n.getOpcode();
                if (op >= Opcodes.IRETURN && op <= Opcodes.RETURN) {
                    InsnList exit = new InsnList();
                    exit.add(lockLoad());
                    exit.add(new LdcInsnNode(exitSite));
                    exit.add(hook("monitorExit", "(Ljava/lang/Object;I)V"));
                    code.insertBefore(n, exit);
                }
            }
            code.add(end);
            code.add(handler);
            Object[] locals = isStatic ? new Object[0] : new Object[] {cn.name};
            code.add(new FrameNode(Opcodes.F_FULL, locals.length, locals, 1, new Object[] {"java/lang/Throwable"}));
            code.add(lockLoad());
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

        private MethodInsnNode hook(String name, String desc) {
            int dot = name.indexOf('.'); // "Synchronizers.fork": a hook of another class of the sched package
            return dot < 0 ? MethodScan.hook(HOOKS, name, desc)
                    : MethodScan.hook(SCHED + name.substring(0, dot), name.substring(dot + 1), desc);
        }
    }
}
