package racecourse.race.instrument;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import racecourse.race.edges.CallSpec;

/**
 * The race detector's mode of the shared instrumentation ({@link MethodScan}; the explorer's mode is
 * {@link ExplorerInstrumenter}): rewrites one class so that its field and array accesses, monitors and modelled
 * calls report to {@link racecourse.race.edges.Hooks}. At load time it also adds the shadow slot and the method-reference
 * bridges of {@link MethodRefs}; when retransforming (which forbids new members) it adds nothing: values it must
 * move aside go to fresh locals above the method's own, which no stack-map frame mentions. A method that makes
 * several accesses, or one in a loop, keeps the thread's detector state in one more local, right above its own,
 * which every stack-map frame declares (see {@link racecourse.race.edges.Hooks#here}).
 * Not thread-safe: one instance per class.
 */
public final class ClassInstrumenter {
    private static final String HOOKS = "racecourse/race/edges/Hooks";

    private static final String HOLDER = "racecourse/race/edges/ShadowHolder";
    private static final String TIMER_TASK = "java/util/TimerTask";
    private static final java.util.Set<String> FIELD_UPDATERS = java.util.Set.of(
            "java/util/concurrent/atomic/AtomicReferenceFieldUpdater", "java/util/concurrent/atomic/AtomicIntegerFieldUpdater",
            "java/util/concurrent/atomic/AtomicLongFieldUpdater");
    private static final String SLOT = "$race$shadow";

    private final ClassLoader loader;
    private final boolean addSlot;
    private ClassNode cn;
    private String dottedName;
    private final Map<String, Integer> ownFieldAccess = new HashMap<>();

    /**
     * Creates an instrumenter for classes defined by {@code loader}. With {@code addSlot}, classes also get
     * a field holding the detector's state of each object ({@link racecourse.race.edges.ShadowHolder});
     * without it (retransformation, which forbids new members) that state lives in a weak map.
     */
    public ClassInstrumenter(ClassLoader loader, boolean addSlot) {
        this.loader = loader;
        this.addSlot = addSlot;
    }

    /** Returns the instrumented class file, or null if nothing needed to change. */
    public byte[] instrument(byte[] classFile) {
        cn = MethodScan.readExpanded(classFile);
        if ((cn.access & Opcodes.ACC_MODULE) != 0) {
            return null;
        }
        dottedName = cn.name.replace('/', '.');
        for (FieldNode f : cn.fields) {
            ownFieldAccess.put(f.name, f.access);
        }
        boolean changed = addSlot && MethodRefs.rewrite(cn);
        for (MethodNode m : cn.methods) {
            if (m.instructions.size() > 0) {
                changed |= new MethodRewrite(m).run();
            }
        }
        if (addSlot && (cn.access & (Opcodes.ACC_INTERFACE | Opcodes.ACC_MODULE)) == 0
                && !cn.interfaces.contains(HOLDER) && (cn.version & 0xFFFF) >= Opcodes.V1_5) {
            addSlot();
            changed = true;
        }
        if (!changed) {
            return null;
        }
        return MethodScan.write(cn);
    }

    private void addSlot() {
        cn.interfaces.add(HOLDER);
        cn.fields.add(new FieldNode(Opcodes.ACC_PRIVATE | Opcodes.ACC_TRANSIENT | Opcodes.ACC_SYNTHETIC
                | Opcodes.ACC_VOLATILE, SLOT, "Ljava/lang/Object;", null, null));
        MethodNode get = new MethodNode(Opcodes.ACC_PUBLIC | Opcodes.ACC_SYNTHETIC, "$race$get",
                "()Ljava/lang/Object;", null, null);
        get.instructions.add(new VarInsnNode(Opcodes.ALOAD, 0));
        get.instructions.add(new FieldInsnNode(Opcodes.GETFIELD, cn.name, SLOT, "Ljava/lang/Object;"));
        get.instructions.add(new InsnNode(Opcodes.ARETURN));
        get.maxStack = 1;
        get.maxLocals = 1;
        MethodNode set = new MethodNode(Opcodes.ACC_PUBLIC | Opcodes.ACC_SYNTHETIC, "$race$set",
                "(Ljava/lang/Object;)V", null, null);
        set.instructions.add(new VarInsnNode(Opcodes.ALOAD, 0));
        set.instructions.add(new VarInsnNode(Opcodes.ALOAD, 1));
        set.instructions.add(new FieldInsnNode(Opcodes.PUTFIELD, cn.name, SLOT, "Ljava/lang/Object;"));
        set.instructions.add(new InsnNode(Opcodes.RETURN));
        set.maxStack = 2;
        set.maxLocals = 2;
        cn.methods.add(get);
        cn.methods.add(set);
    }

    /**
     * The detector's mode of the shared core: each place {@link MethodScan} finds gets a call to
     * {@link racecourse.race.edges.Hooks} that records the access or the edge. Every hook call the detector's
     * instrumentation emits is made in this class (see docs/race.md, "Instrumentation").
     */
    private final class MethodRewrite extends MethodScan {
        private boolean changed;
        /** The local that keeps the thread's state, above every other (known once the rewrite is done), or -1. */
        private int stateLocal = -1;
        /** Each {@code ALOAD} of the state local emitted, with the hook call that takes it. */
        private final List<Object[]> stateUses = new ArrayList<>();
        /** The method's sweeps ({@link SweepLoops}), whose accesses are recorded as ranges when each loop ends. */
        private List<SweepLoops.Loop> sweeps = List.of();
        /** Each access of a sweep, with its site and source line once the scan has reached it. */
        private final Map<AbstractInsnNode, int[]> sweepSites = new java.util.IdentityHashMap<>();

        MethodRewrite(MethodNode m) {
            super(ClassInstrumenter.this.cn, ClassInstrumenter.this.dottedName, ClassInstrumenter.this.loader, m);
        }

        boolean run() {
            boolean clinit = m.name.equals("<clinit>");
            boolean sync = (m.access & Opcodes.ACC_SYNCHRONIZED) != 0 && cn.version >= Opcodes.V1_5;
            if ((cn.version & 0xFFFF) >= Opcodes.V1_7) {
                sweeps = SweepLoops.find(cn, m);
                for (SweepLoops.Loop loop : sweeps) {
                    for (SweepLoops.Access a : loop.accesses()) {
                        sweepSites.put(a.insn(), null);
                    }
                }
            }
            scan();
            interruptHandlers();
            if (timerTaskRun()) {
                // the task sees what was done before it was scheduled (java.util.Timer hands it over under a lock)
                InsnList head = new InsnList();
                head.add(new VarInsnNode(Opcodes.ALOAD, 0));
                head.add(hook("timerTaskRuns", "(Ljava/lang/Object;)V"));
                code.insert(head);
                changed = true;
            }
            if (sync) {
                wrapBody(lockLoad(), "monitorEnter", "monitorExit", true);
            } else if (cn.name.startsWith("REPL/") && m.name.equals("do_it$")) {
                wrapBody(null, "cellEnter", "cellExit", false);
            } else if (clinit) {
                wrapBody(null, "clinitEnter", "clinitExit", false);
            } else if (subscriberMethod()) {
                InsnList self = new InsnList();
                self.add(new VarInsnNode(Opcodes.ALOAD, 0));
                wrapBody(self, "subscriberEnter", "subscriberExit", true);
            } else if (workerCode()) {
                wrapBody(null, "workerEnter", "workerExit", false);
            }
            for (SweepLoops.Loop loop : sweeps) {
                recordAtEnd(loop);
            }
            keepStateOrNot();
            return changed;
        }

        /**
         * Gives the method its state local when that saves lookups (two hooks or more that take it, or one in a
         * loop): a local above all others (the method's own and the rewrite's), a call of {@code Hooks.here()}
         * stored in it as the method starts, and the local in every stack-map frame (padded with {@code TOP} up
         * to it). Else each hook goes back to its form without the state.
         */
        private void keepStateOrNot() {
            if (stateUses.isEmpty()) {
                return;
            }
            if (stateUses.size() < 2 && !hasLoop()) {
                for (Object[] use : stateUses) {
                    MethodInsnNode h = (MethodInsnNode) use[1];
                    code.remove((AbstractInsnNode) use[0]);
                    h.desc = h.desc.replace("Ljava/lang/Object;)V", ")V");
                }
                return;
            }
            stateLocal = newLocal(Type.getType(Object.class));
            for (Object[] use : stateUses) {
                ((VarInsnNode) use[0]).var = stateLocal;
            }
            for (AbstractInsnNode n : code.toArray()) {
                if (n instanceof FrameNode f) {
                    declareState(f);
                }
            }
            InsnList head = new InsnList();
            head.add(hook("here", "()Ljava/lang/Object;"));
            head.add(new VarInsnNode(Opcodes.ASTORE, stateLocal));
            code.insert(head);
        }

        /** Adds the state local to an expanded frame: {@code TOP} up to its slot, then {@code Object}. */
        private void declareState(FrameNode f) {
            f.local = withLocal(f.local, stateLocal, "java/lang/Object");
        }

        /**
         * Makes a sweep record its accesses when it ends ({@link SweepLoops}): its first index goes to a fresh local
         * as it is entered (declared in each frame of the loop); its exit jumps to code that records, for each
         * array, site and kind of access in body order, the elements {@code [start, i)} through
         * {@code Hooks.arrayRange}, then goes on after the loop; an exception thrown in the loop records the
         * iterations done, then is thrown on. Each record carries the access's source line, for the report's stack.
         */
        private void recordAtEnd(SweepLoops.Loop loop) {
            int start = newLocal(Type.INT_TYPE);
            int index = loop.index();
            InsnList enter = new InsnList();
            enter.add(new VarInsnNode(Opcodes.ILOAD, index));
            enter.add(new VarInsnNode(Opcodes.ISTORE, start));
            code.insertBefore(loop.top(), enter);
            List<Object> topLocals = loop.topFrame().local;
            for (AbstractInsnNode n = loop.top(); n != loop.back(); n = n.getNext()) {
                if (n instanceof FrameNode f) {
                    f.local = withLocal(f.local, start, Opcodes.INTEGER);
                }
            }
            int lineAfter = -1;
            for (AbstractInsnNode n = loop.back(); n != null && lineAfter < 0; n = n.getPrevious()) {
                if (n instanceof LineNumberNode ln) {
                    lineAfter = ln.line;
                }
            }
            // the top's frame holds wherever in the loop an exception comes from (SweepLoops: the body keeps its types)
            List<Object> endLocals = withLocal(topLocals, start, Opcodes.INTEGER);
            LabelNode handler = new LabelNode();
            LabelNode ended = new LabelNode();
            InsnList tail = new InsnList();
            tail.add(handler);
            tail.add(new FrameNode(Opcodes.F_NEW, endLocals.size(), endLocals.toArray(), 1,
                    new Object[] {"java/lang/Throwable"}));
            ranges(tail, loop, start);
            tail.add(new InsnNode(Opcodes.ATHROW));
            tail.add(ended);
            tail.add(new FrameNode(Opcodes.F_NEW, endLocals.size(), endLocals.toArray(), 0, new Object[0]));
            ranges(tail, loop, start);
            if (lineAfter >= 0) {
                LabelNode l = new LabelNode();
                tail.add(l);
                tail.add(new LineNumberNode(lineAfter, l));
            }
            code.insert(loop.back(), tail);
            loop.exit().label = ended;
            m.tryCatchBlocks.add(0, new TryCatchBlockNode(loop.top(), handler, handler, null));
        }

        /** Records the elements {@code [start, i)} for each array, site and kind of access of the loop. */
        private void ranges(InsnList l, SweepLoops.Loop loop, int start) {
            java.util.Set<List<Integer>> done = new java.util.HashSet<>();
            for (SweepLoops.Access a : loop.accesses()) {
                int[] siteAndLine = sweepSites.get(a.insn());
                if (!done.add(List.of(a.array(), siteAndLine[0], a.write() ? 1 : 0))) {
                    continue;
                }
                if (siteAndLine[1] >= 0) {
                    LabelNode at = new LabelNode();
                    l.add(at);
                    l.add(new LineNumberNode(siteAndLine[1], at));
                }
                l.add(new VarInsnNode(Opcodes.ALOAD, a.array()));
                l.add(new VarInsnNode(Opcodes.ILOAD, start));
                l.add(new VarInsnNode(Opcodes.ILOAD, loop.index()));
                l.add(new InsnNode(a.write() ? Opcodes.ICONST_1 : Opcodes.ICONST_0));
                l.add(intConst(siteAndLine[0]));
                l.add(hook("arrayRange", "(Ljava/lang/Object;IIZI)V"));
            }
        }

        /** An expanded frame's locals with {@code type} at {@code slot}, padded with {@code TOP} up to it. */
        private static List<Object> withLocal(List<Object> frameLocals, int slot, Object type) {
            List<Object> locals = frameLocals == null ? new ArrayList<>() : new ArrayList<>(frameLocals);
            int slots = 0;
            for (Object t : locals) {
                slots += t == Opcodes.LONG || t == Opcodes.DOUBLE ? 2 : 1;
            }
            while (slots < slot) {
                locals.add(Opcodes.TOP);
                slots++;
            }
            locals.add(type);
            return locals;
        }

        /** Returns whether some jump or switch goes back to an earlier (or the same) instruction. */
        private boolean hasLoop() {
            Map<LabelNode, Integer> at = new HashMap<>();
            int i = 0;
            for (AbstractInsnNode n : code) {
                if (n instanceof LabelNode l) {
                    at.put(l, i);
                }
                i++;
            }
            i = 0;
            for (AbstractInsnNode n : code) {
                List<LabelNode> targets = SweepLoops.targets(n);
                for (LabelNode l : targets) {
                    if (at.get(l) <= i) {
                        return true;
                    }
                }
                i++;
            }
            return false;
        }

        /** Adds the state local and a call of the hook {@code name} that takes it after {@code desc}'s arguments. */
        private void stateHook(InsnList l, String name, String desc) {
            VarInsnNode load = new VarInsnNode(Opcodes.ALOAD, stateLocal);
            MethodInsnNode h = hook(name, desc.replace(")V", "Ljava/lang/Object;)V"));
            l.add(load);
            l.add(h);
            stateUses.add(new Object[] {load, h});
        }

        /**
         * At the start of each {@code catch (InterruptedException e)}: the thread learns of an interrupt, which
         * the interrupting thread's past happens before (JLS 17.4.4).
         */
        private void interruptHandlers() {
            java.util.Set<LabelNode> seen = new java.util.HashSet<>();
            for (TryCatchBlockNode t : m.tryCatchBlocks) {
                if (!"java/lang/InterruptedException".equals(t.type) || !seen.add(t.handler)) {
                    continue;
                }
                AbstractInsnNode at = t.handler;
                while (at.getNext() != null && (at.getNext() instanceof FrameNode
                        || at.getNext() instanceof LineNumberNode || at.getNext() instanceof LabelNode)) {
                    at = at.getNext();
                }
                code.insert(at, hook("interruptedChecked", "()V"));
                changed = true;
            }
        }

        /** A method of {@code Flow.Subscriber} in a class that implements it: a publisher calls it. */
        private boolean subscriberMethod() {
            if ((m.access & Opcodes.ACC_STATIC) != 0 || !cn.interfaces.contains("java/util/concurrent/Flow$Subscriber")) {
                return false;
            }
            return switch (m.name) {
                case "onSubscribe" -> m.desc.equals("(Ljava/util/concurrent/Flow$Subscription;)V");
                case "onNext" -> m.desc.equals("(Ljava/lang/Object;)V");
                case "onError" -> m.desc.equals("(Ljava/lang/Throwable;)V");
                case "onComplete" -> m.desc.equals("()V");
                default -> false;
            };
        }

        /** The {@code run()} of a {@code java.util.TimerTask} subclass: a timer's thread runs it. */
        private boolean timerTaskRun() {
            if (!m.name.equals("run") || !m.desc.equals("()V") || (m.access & Opcodes.ACC_STATIC) != 0) {
                return false;
            }
            return TIMER_TASK.equals(cn.superName) || cn.superName != null && !cn.superName.startsWith("java/")
                    && new Hierarchy(loader).extendsLibraryClass(cn.superName, java.util.Set.of(TIMER_TASK));
        }

        /** A lambda body (or method-reference bridge) or a fork/join task's {@code compute}: may run on a worker. */
        private boolean workerCode() {
            if ((m.access & Opcodes.ACC_SYNTHETIC) != 0 && m.name.startsWith("lambda$")) {
                return true;
            }
            return m.name.equals("compute") && m.desc.startsWith("()") && CallRules.FORK_JOIN_TASKS.contains(cn.superName);
        }

        /** Calls {@code enter} at the start and {@code exit} at every exit, thrown exceptions included. */
        private void wrapBody(InsnList lock, String enter, String exit, boolean withLock) {
            String desc = withLock ? "(Ljava/lang/Object;)V" : "()V";
            // only the monitor hooks have a form that takes the thread's state (see stateHook)
            boolean stateful = withLock && enter.equals("monitorEnter");
            for (AbstractInsnNode n : code.toArray()) {
                int op = n.getOpcode();
                if ((op >= Opcodes.IRETURN && op <= Opcodes.RETURN) || op == Opcodes.ATHROW) {
                    InsnList l = new InsnList();
                    if (withLock) {
                        l.add(copy(lock));
                    }
                    if (stateful) {
                        stateHook(l, exit, desc);
                    } else {
                        l.add(hook(exit, desc));
                    }
                    code.insertBefore(n, l);
                }
            }
            LabelNode start = new LabelNode();
            LabelNode end = new LabelNode();
            LabelNode handler = new LabelNode();
            InsnList head = new InsnList();
            head.add(start);
            if (withLock) {
                head.add(copy(lock));
            }
            if (stateful) {
                stateHook(head, enter, desc);
            } else {
                head.add(hook(enter, desc));
            }
            code.insert(head);
            if ((cn.version & 0xFFFF) >= Opcodes.V1_6) {
                InsnList tail = new InsnList();
                tail.add(end);
                tail.add(handler);
                boolean isStatic = (m.access & Opcodes.ACC_STATIC) != 0;
                Object[] locals = isStatic ? new Object[0] : new Object[] {cn.name};
                // the code was read with expanded frames (MethodScan.readExpanded), so this one is expanded too
                tail.add(new FrameNode(Opcodes.F_NEW, locals.length, locals, 1,
                        new Object[] {"java/lang/Throwable"}));
                if (withLock) {
                    tail.add(copy(lock));
                }
                if (stateful) {
                    stateHook(tail, exit, desc);
                } else {
                    tail.add(hook(exit, desc));
                }
                tail.add(new InsnNode(Opcodes.ATHROW));
                code.add(tail);
                m.tryCatchBlocks.add(new TryCatchBlockNode(start, end, handler, null));
            }
            changed = true;
        }

        private MethodInsnNode hook(String name, String desc) {
            return MethodScan.hook(HOOKS, name, desc);
        }

        private LdcInsnNode intConst(int v) {
            return new LdcInsnNode(v);
        }

        @Override
        void field(FieldInsnNode f) {
            int op = f.getOpcode();
            boolean isStatic = op == Opcodes.GETSTATIC || op == Opcodes.PUTSTATIC;
            boolean write = op == Opcodes.PUTFIELD || op == Opcodes.PUTSTATIC;
            boolean own = f.owner.equals(cn.name);
            if (own) {
                Integer acc = ownFieldAccess.get(f.name);
                if (acc != null && (acc & Opcodes.ACC_FINAL) != 0) {
                    return;
                }
                if (!isStatic && !thisReady) {
                    return;
                }
            }
            if (f.name.startsWith("this$") || f.name.startsWith("val$") || f.name.equals(SLOT)) {
                return;
            }
            int id = site(isStatic ? racecourse.race.edges.Site.STATIC : racecourse.race.edges.Site.FIELD, write,
                    f.owner, f.name, 0, null, null);
            Type t = Type.getType(f.desc);
            InsnList l = new InsnList();
            switch (op) {
                case Opcodes.GETSTATIC -> {
                    l.add(intConst(id));
                    stateHook(l, "getStatic", "(I)V");
                    code.insert(f, l);
                }
                case Opcodes.PUTSTATIC -> {
                    l.add(intConst(id));
                    stateHook(l, "putStatic", "(I)V");
                    code.insertBefore(f, l);
                }
                case Opcodes.GETFIELD -> {
                    code.insertBefore(f, new InsnNode(Opcodes.DUP));
                    if (t.getSize() == 1) {
                        l.add(new InsnNode(Opcodes.SWAP));
                    } else {
                        l.add(new InsnNode(Opcodes.DUP2_X1));
                        l.add(new InsnNode(Opcodes.POP2));
                    }
                    l.add(intConst(id));
                    stateHook(l, "getField", "(Ljava/lang/Object;I)V");
                    code.insert(f, l);
                }
                default -> {
                    if (t.getSize() == 1) {
                        l.add(new InsnNode(Opcodes.DUP2));
                        l.add(new InsnNode(Opcodes.POP));
                        l.add(intConst(id));
                        stateHook(l, "putField", "(Ljava/lang/Object;I)V");
                    } else {
                        int v = newLocal(t);
                        l.add(new VarInsnNode(t.getOpcode(Opcodes.ISTORE), v));
                        l.add(new InsnNode(Opcodes.DUP));
                        l.add(intConst(id));
                        stateHook(l, "putField", "(Ljava/lang/Object;I)V");
                        l.add(new VarInsnNode(t.getOpcode(Opcodes.ILOAD), v));
                    }
                    code.insertBefore(f, l);
                }
            }
            changed = true;
        }

        /**
         * A plain-mode {@code VarHandle} access ({@code get}/{@code set}): no synchronization, a data access. On an
         * array element ({@code (T[], int...)}) it is an access of that element, as {@code T[i]} would be; with one
         * reference coordinate or none ({@code get(obj)}, {@code set(obj, v)}, {@code get()}, {@code set(v)}) it may
         * be a field, which the hook finds from the VarHandle itself when it runs.
         */
        private void plainVarHandle(MethodInsnNode mi) {
            Type[] args = Type.getArgumentTypes(mi.desc);
            boolean write = mi.name.equals("set");
            boolean array = args.length >= 2 && args[0].getSort() == Type.ARRAY && args[1].getSort() == Type.INT
                    && args.length == (write ? 3 : 2);
            int coordinates = args.length - (write ? 1 : 0);
            boolean field = !array && (coordinates == 0
                    || coordinates == 1 && args[0].getSort() == Type.OBJECT);
            if (!array && !field) {
                return;
            }
            int id = site(racecourse.race.edges.Site.ARRAY, write, null, null, 0, null, null);
            InsnList l = new InsnList();
            int[] locals = stashArguments(args, l);
            if (array) {
                l.add(new VarInsnNode(Opcodes.ALOAD, locals[0]));
                l.add(new VarInsnNode(Opcodes.ILOAD, locals[1]));
                l.add(intConst(id));
                l.add(hook(write ? "arrayStore" : "arrayLoad", "(Ljava/lang/Object;II)V"));
            } else {
                l.add(new InsnNode(Opcodes.DUP));
                l.add(coordinates == 1 ? new VarInsnNode(Opcodes.ALOAD, locals[0]) : new InsnNode(Opcodes.ACONST_NULL));
                l.add(intConst(id));
                l.add(hook(write ? "varHandleSet" : "varHandleGet", "(Ljava/lang/Object;Ljava/lang/Object;I)V"));
            }
            reloadArguments(args, locals, l);
            code.insertBefore(mi, l);
            changed = true;
        }

        /**
         * An atomic access through a {@code VarHandle} (any mode but plain) or a field updater: it synchronizes on
         * the field's own variable, as a {@code volatile} read or write of the field does, so that the two ways to
         * reach one field are one. The hooks find the field when they run (a handle's description, or the
         * {@code newUpdater} call that made the updater); without one they use the handle or updater itself.
         * Also notes each updater's field where {@code newUpdater} is called. Returns whether it rewrote the call.
         */
        private boolean atomicField(MethodInsnNode mi) {
            boolean updaterClass = FIELD_UPDATERS.contains(mi.owner);
            if (updaterClass && mi.getOpcode() == Opcodes.INVOKESTATIC && mi.name.equals("newUpdater")) {
                Type[] args = Type.getArgumentTypes(mi.desc);
                InsnList before = new InsnList();
                int[] locals = stashArguments(args, before);
                reloadArguments(args, locals, before);
                code.insertBefore(mi, before);
                InsnList after = new InsnList();
                after.add(new InsnNode(Opcodes.DUP));
                after.add(new VarInsnNode(Opcodes.ALOAD, locals[0]));
                after.add(new VarInsnNode(Opcodes.ALOAD, locals[args.length - 1]));
                after.add(hook("updaterMade", "(Ljava/lang/Object;Ljava/lang/Class;Ljava/lang/String;)V"));
                code.insert(mi, after);
                changed = true;
                return true;
            }
            boolean varHandle = mi.owner.equals("java/lang/invoke/VarHandle");
            if (!varHandle && !(updaterClass && mi.getOpcode() != Opcodes.INVOKESTATIC)) {
                return false;
            }
            Rule r = CallRules.classify(mi.getOpcode(), mi.owner, mi.name, mi.desc);
            if (r == null || (r.flags() & (CallSpec.RELEASE | CallSpec.ACQUIRE)) == 0) {
                return varHandle; // a VarHandle's other methods order nothing
            }
            Type[] args = Type.getArgumentTypes(mi.desc);
            boolean objectFirst = args.length > 0 && args[0].getSort() == Type.OBJECT;
            int id = site(racecourse.race.edges.Site.CALL, false, mi.owner, mi.name, r.flags(), null, null);
            InsnList before = new InsnList();
            int[] locals = stashArguments(args, before);
            int via = newLocal(Type.getType(Object.class));
            before.add(new InsnNode(Opcodes.DUP));
            before.add(new VarInsnNode(Opcodes.ASTORE, via));
            InsnList target = new InsnList();
            target.add(new VarInsnNode(Opcodes.ALOAD, via));
            target.add(objectFirst ? new VarInsnNode(Opcodes.ALOAD, locals[0]) : new InsnNode(Opcodes.ACONST_NULL));
            target.add(intConst(id));
            if ((r.flags() & CallSpec.RELEASE) != 0) {
                before.add(copy(target));
                before.add(hook("atomicFieldBefore", "(Ljava/lang/Object;Ljava/lang/Object;I)V"));
            }
            reloadArguments(args, locals, before);
            code.insertBefore(mi, before);
            if ((r.flags() & CallSpec.ACQUIRE) != 0) {
                InsnList after = copy(target);
                after.add(hook("atomicFieldAfter", "(Ljava/lang/Object;Ljava/lang/Object;I)V"));
                code.insert(mi, after);
            }
            changed = true;
            return true;
        }

        @Override
        void arrayLoad(AbstractInsnNode n) {
            int id = site(racecourse.race.edges.Site.ARRAY, false, null, null, 0, null, null);
            if (sweepSites.containsKey(n)) {
                sweepSites.put(n, new int[] {id, line});
                changed = true;
                return;
            }
            InsnList l = new InsnList();
            l.add(new InsnNode(Opcodes.DUP2));
            l.add(intConst(id));
            stateHook(l, "arrayLoad", "(Ljava/lang/Object;II)V");
            code.insertBefore(n, l);
            changed = true;
        }

        @Override
        void arrayStore(AbstractInsnNode n) {
            Type t = storedType(n.getOpcode());
            int id = site(racecourse.race.edges.Site.ARRAY, true, null, null, 0, null, null);
            if (sweepSites.containsKey(n)) {
                sweepSites.put(n, new int[] {id, line});
                changed = true;
                return;
            }
            int v = newLocal(t);
            InsnList l = new InsnList();
            l.add(new VarInsnNode(t.getOpcode(Opcodes.ISTORE), v));
            l.add(new InsnNode(Opcodes.DUP2));
            l.add(intConst(id));
            stateHook(l, "arrayStore", "(Ljava/lang/Object;II)V");
            l.add(new VarInsnNode(t.getOpcode(Opcodes.ILOAD), v));
            code.insertBefore(n, l);
            changed = true;
        }

        @Override
        void monitor(AbstractInsnNode n, boolean enter) {
            InsnList l = new InsnList();
            if (enter) {
                code.insertBefore(n, new InsnNode(Opcodes.DUP));
                stateHook(l, "monitorEnter", "(Ljava/lang/Object;)V");
                code.insert(n, l);
            } else {
                l.add(new InsnNode(Opcodes.DUP));
                stateHook(l, "monitorExit", "(Ljava/lang/Object;)V");
                code.insertBefore(n, l);
            }
            changed = true;
        }

        @Override
        void call(MethodInsnNode mi) {
            if (mi.owner.startsWith("[")) {
                return;
            }
            if (mi.getOpcode() == Opcodes.INVOKESTATIC && mi.owner.equals("java/lang/Thread")
                    && mi.name.equals("interrupted") && mi.desc.equals("()Z")) {
                code.insert(mi, hook("interruptedChecked", "()V"));
                changed = true;
                return;
            }
            if (mi.owner.equals("java/util/Timer") && mi.name.startsWith("schedule")
                    && mi.desc.startsWith("(L" + TIMER_TASK + ";")) {
                Type[] args = Type.getArgumentTypes(mi.desc);
                InsnList l = new InsnList();
                int[] locals = stashArguments(args, l);
                l.add(new VarInsnNode(Opcodes.ALOAD, locals[0]));
                l.add(hook("timerSchedules", "(Ljava/lang/Object;)V"));
                reloadArguments(args, locals, l);
                code.insertBefore(mi, l);
                changed = true;
                return;
            }
            if (CallRules.forkJoin(mi.owner, mi.name)) {
                code.insertBefore(mi, hook("forkJoinBefore", "()V"));
                code.insert(mi, hook("forkJoinAfter", "()V"));
                changed = true;
            }
            if (BulkArrays.rewrite(mi, code, this::newLocal,
                    write -> site(racecourse.race.edges.Site.ARRAY, write, null, null, 0, null, null))) {
                // the JDK reads or writes the elements itself
                changed = true;
                return;
            }
            if (mi.owner.equals("java/lang/invoke/VarHandle") && (mi.name.equals("get") || mi.name.equals("set"))) {
                plainVarHandle(mi);
                return;
            }
            if (atomicField(mi)) {
                return;
            }
            Rule r = CallRules.classify(mi.getOpcode(), mi.owner, mi.name, mi.desc);
            if (r == null) {
                return;
            }
            int fl = r.flags();
            boolean init = mi.name.equals("<init>");
            boolean instance = mi.getOpcode() != Opcodes.INVOKESTATIC && !init;
            Type[] args = Type.getArgumentTypes(mi.desc);
            boolean firstArgAsReceiver = !instance && (fl & CallSpec.ALIAS_ALL) != 0 && args.length > 0
                    && args[0].getSize() == 1 && args[0].getSort() >= Type.ARRAY;
            int id = site(racecourse.race.edges.Site.CALL, false, mi.owner, mi.name, fl, r.wrap(), null);
            InsnList before = new InsnList();
            int[] locals = stashArguments(args, before);
            int recv = -1;
            if (instance) {
                recv = newLocal(Type.getType(Object.class));
                before.add(new InsnNode(Opcodes.DUP));
                before.add(new VarInsnNode(Opcodes.ASTORE, recv));
                if ((fl & CallSpec.BEFORE) != 0) {
                    before.add(new VarInsnNode(Opcodes.ALOAD, recv));
                    before.add(intConst(id));
                    before.add(hook("callBefore", "(Ljava/lang/Object;I)V"));
                }
            }
            for (int i = 0; i < args.length; i++) {
                before.add(new VarInsnNode(args[i].getOpcode(Opcodes.ILOAD), locals[i]));
                if (r.wrap() != null && r.wrap()[i] != 0) {
                    if (instance) {
                        before.add(new VarInsnNode(Opcodes.ALOAD, recv));
                    } else {
                        before.add(new InsnNode(Opcodes.ACONST_NULL));
                    }
                    before.add(intConst(id));
                    before.add(intConst(r.wrap()[i]));
                    before.add(hook("wrap", "(Ljava/lang/Object;Ljava/lang/Object;II)Ljava/lang/Object;"));
                    before.add(new TypeInsnNode(Opcodes.CHECKCAST, args[i].getInternalName()));
                }
            }
            code.insertBefore(mi, before);
            InsnList after = new InsnList();
            Type ret = Type.getReturnType(mi.desc);
            if ((fl & CallSpec.NEEDS_RESULT) != 0 && (ret.getSort() == Type.OBJECT || ret.getSort() == Type.ARRAY)
                    && !init) {
                after.add(new InsnNode(Opcodes.DUP));
                if (instance) {
                    after.add(new VarInsnNode(Opcodes.ALOAD, recv));
                } else if (firstArgAsReceiver) {
                    after.add(new VarInsnNode(Opcodes.ALOAD, locals[0]));
                } else {
                    after.add(new InsnNode(Opcodes.ACONST_NULL));
                }
                after.add(intConst(id));
                after.add(hook("callResult", "(Ljava/lang/Object;Ljava/lang/Object;I)V"));
            } else if (instance && (fl & (CallSpec.AFTER | CallSpec.COLLECTION)) != 0) {
                after.add(new VarInsnNode(Opcodes.ALOAD, recv));
                after.add(intConst(id));
                after.add(hook("callAfter", "(Ljava/lang/Object;I)V"));
            }
            if (after.size() > 0) {
                code.insert(mi, after);
            }
            changed = true;
        }
    }
}
