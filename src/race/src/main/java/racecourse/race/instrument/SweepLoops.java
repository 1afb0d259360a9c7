package racecourse.race.instrument;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Finds sweeps: counted loops in javac's shape, {@code for (int i = ..; i < bound; i++) body}, whose body makes
 * no call, touches no field but the non-volatile ones its own class declares (their accesses keep their hooks,
 * which record and never synchronize), takes no monitor and cannot leave the loop but through its condition, and the
 * element accesses {@code a[i]} in that body that run in every iteration ({@code a} a local the loop never
 * assigns). Such a loop makes no synchronization while it runs, so its thread stays in one epoch, and when it
 * ends normally after iterations {@code start} to {@code i - 1}, each such access touched exactly the elements
 * {@code [start, i)}. The detector records them then, as one range per array, site and kind of access, in the
 * body's order (see {@link ClassInstrumenter}): the checks see the same clocks they would have seen access by
 * access, so they find the same races, reported at the loop's end rather than in its middle. A loop left by an
 * exception records the iterations it finished.
 *
 * <p>Anything else (a {@code break}, a call, a conditional access, another shape of loop) is left to the
 * access-by-access hooks. Thread-safe (stateless).
 */
final class SweepLoops {
    private SweepLoops() {
    }

    /**
     * A sweep: its first node ({@code top}, the label the loop jumps back to), the jump that leaves it, the jump
     * back, its index local, the stack-map frame at {@code top}, and its accesses in body order.
     */
    record Loop(LabelNode top, JumpInsnNode exit, JumpInsnNode back, int index, FrameNode topFrame,
                List<Access> accesses) {
    }

    /** An element access {@code array[index]} made once in every iteration; {@code arrayType} as the frame has it. */
    record Access(AbstractInsnNode insn, int array, String arrayType, boolean write) {
    }

    /**
     * Returns the sweeps of method {@code m} of class {@code cn}, whose code was read with expanded frames; none in a
     * class without frames.
     */
    static List<Loop> find(ClassNode cn, MethodNode m) {
        List<Loop> loops = new ArrayList<>();
        InsnList code = m.instructions;
        AbstractInsnNode[] nodes = code.toArray();
        Map<AbstractInsnNode, Integer> at = new HashMap<>();
        for (int i = 0; i < nodes.length; i++) {
            at.put(nodes[i], i);
        }
        for (AbstractInsnNode n : nodes) {
            if (n.getOpcode() == Opcodes.GOTO && n instanceof JumpInsnNode back
                    && at.get(back.label) < at.get(back)) {
                Loop loop = loop(cn, m, nodes, at, back);
                if (loop != null) {
                    loops.add(loop);
                }
            }
        }
        return loops;
    }

    private static Loop loop(ClassNode cn, MethodNode m, AbstractInsnNode[] nodes, Map<AbstractInsnNode, Integer> at,
                             JumpInsnNode back) {
        LabelNode top = back.label;
        int topAt = at.get(top);
        int backAt = at.get(back);
        // the jump back follows i++
        AbstractInsnNode step = previous(back);
        if (!(step instanceof IincInsnNode inc) || inc.incr != 1) {
            return null;
        }
        int index = inc.var;
        // the frame at the top, with an empty stack; the loop is entered by falling into it
        FrameNode frame = null;
        for (AbstractInsnNode x = top.getNext(); x != null && x.getOpcode() < 0; x = x.getNext()) {
            if (x instanceof FrameNode f) {
                frame = f;
            }
        }
        if (frame == null || frame.type != Opcodes.F_NEW || frame.stack != null && !frame.stack.isEmpty()
                || frame.local != null && frame.local.stream().anyMatch(
                        t -> t == Opcodes.UNINITIALIZED_THIS || t instanceof LabelNode)) {
            return null;
        }
        AbstractInsnNode before = previous(top);
        if (before == null || endsFlow(before)) {
            return null;
        }
        // the condition: i, then a bound made of locals, constants and array lengths, then the jump out
        AbstractInsnNode x = next(top);
        if (!(x instanceof VarInsnNode v) || v.getOpcode() != Opcodes.ILOAD || v.var != index) {
            return null;
        }
        x = next(x);
        while (x != null && pureBound(x)) {
            x = next(x);
        }
        if (!(x instanceof JumpInsnNode exit)
                || exit.getOpcode() != Opcodes.IF_ICMPGE && exit.getOpcode() != Opcodes.IF_ICMPGT) {
            return null;
        }
        int exitAt = at.get(exit);
        int stepAt = at.get(step);
        // it leaves to right after the jump back
        for (AbstractInsnNode y = back.getNext(); y != exit.label; y = y.getNext()) {
            if (y == null || y.getOpcode() >= 0) {
                return null;
            }
        }
        if (!bodyAllowed(cn, nodes, exitAt, stepAt, index) || !keepsTypes(nodes, exitAt, stepAt, frame)) {
            return null;
        }
        if (!entriesOnly(m, nodes, at, topAt, backAt, exitAt, stepAt, back)) {
            return null;
        }
        List<Access> accesses = new ArrayList<>();
        for (int i = exitAt + 1; i < stepAt; i++) {
            Access a = access(nodes, at, i, index, frame, exitAt, stepAt);
            if (a != null && everyIteration(nodes, at, exitAt, i)) {
                accesses.add(a);
            }
        }
        return accesses.isEmpty() ? null : new Loop(top, exit, back, index, frame, accesses);
    }

    /** Whether the body, nodes {@code (from, to)}, has nothing that may synchronize, leave, or change i. */
    private static boolean bodyAllowed(ClassNode cn, AbstractInsnNode[] nodes, int from, int to, int index) {
        for (int i = from + 1; i < to; i++) {
            AbstractInsnNode n = nodes[i];
            int op = n.getOpcode();
            if (n instanceof FieldInsnNode f && !ownPlainField(cn, f)) {
                return false;
            }
            if (n instanceof MethodInsnNode || n instanceof InvokeDynamicInsnNode
                    || n instanceof TableSwitchInsnNode || n instanceof LookupSwitchInsnNode) {
                return false;
            }
            if (op == Opcodes.MONITORENTER || op == Opcodes.MONITOREXIT || op == Opcodes.ATHROW
                    || op >= Opcodes.IRETURN && op <= Opcodes.RETURN || op == Opcodes.JSR || op == Opcodes.RET) {
                return false;
            }
            if (n instanceof VarInsnNode v && v.getOpcode() == Opcodes.ISTORE && v.var == index
                    || n instanceof IincInsnNode inc && inc.var == index) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code f} names a field that class {@code cn} itself declares, not volatile. */
    private static boolean ownPlainField(ClassNode cn, FieldInsnNode f) {
        if (!f.owner.equals(cn.name)) {
            return false;
        }
        for (FieldNode d : cn.fields) {
            if (d.name.equals(f.name) && d.desc.equals(f.desc)) {
                return (d.access & Opcodes.ACC_VOLATILE) == 0;
            }
        }
        return false;
    }

    /**
     * Whether every local the frame at the top declares keeps its type through the body: a primitive one is only
     * stored with its own kind, a reference one never. The code that records a loop ended by an exception is then
     * valid with the top's frame, wherever in the loop the exception came from.
     */
    private static boolean keepsTypes(AbstractInsnNode[] nodes, int from, int to, FrameNode frame) {
        List<Object> slots = new ArrayList<>();
        for (Object t : frame.local == null ? List.of() : frame.local) {
            slots.add(t);
            if (t == Opcodes.LONG || t == Opcodes.DOUBLE) {
                slots.add(t); // its second half: any store there changes the pair
            }
        }
        for (int i = from + 1; i < to; i++) {
            if (nodes[i] instanceof VarInsnNode v && v.getOpcode() >= Opcodes.ISTORE
                    && v.getOpcode() <= Opcodes.ASTORE) {
                Object kind = switch (v.getOpcode()) {
                    case Opcodes.ISTORE -> Opcodes.INTEGER;
                    case Opcodes.LSTORE -> Opcodes.LONG;
                    case Opcodes.FSTORE -> Opcodes.FLOAT;
                    case Opcodes.DSTORE -> Opcodes.DOUBLE;
                    default -> null;
                };
                int size = kind == Opcodes.LONG || kind == Opcodes.DOUBLE ? 2 : 1;
                for (int k = v.var; k < v.var + size && k < slots.size(); k++) {
                    Object t = slots.get(k);
                    if (t == Opcodes.TOP) {
                        continue;
                    }
                    boolean ok = isSecondHalf(slots, k)
                            ? k == v.var + 1 && size == 2 && !isSecondHalf(slots, v.var) && slots.get(v.var) == kind
                            : k == v.var && t == kind;
                    if (!ok) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Whether slot {@code k} of a frame's slot list is the second half of a long or double. */
    private static boolean isSecondHalf(List<Object> slots, int k) {
        int s = 0;
        while (s < k) {
            Object t = slots.get(s);
            s += t == Opcodes.LONG || t == Opcodes.DOUBLE ? 2 : 1;
        }
        return s != k;
    }

    /**
     * Whether control enters the loop only at its top, from the code before it or the jump back, and leaves it
     * only through its condition: every jump into nodes {@code [top, back]} is the jump back or a forward jump
     * inside the body, no try block begins, ends or catches inside the loop.
     */
    private static boolean entriesOnly(MethodNode m, AbstractInsnNode[] nodes, Map<AbstractInsnNode, Integer> at,
                                       int topAt, int backAt, int exitAt, int stepAt, JumpInsnNode back) {
        for (int i = 0; i < nodes.length; i++) {
            AbstractInsnNode n = nodes[i];
            if (n == back) {
                continue;
            }
            for (LabelNode target : targets(n)) {
                int t = at.get(target);
                boolean inBody = i > exitAt && i < stepAt;
                if (inBody) {
                    // forward, and to the body or the step (a `continue`)
                    if (t <= i || t > stepAt) {
                        return false;
                    }
                } else if (i == exitAt) {
                    continue;
                } else if (t >= topAt && t <= backAt) {
                    return false;
                }
            }
        }
        for (TryCatchBlockNode t : m.tryCatchBlocks) {
            for (LabelNode l : List.of(t.start, t.end, t.handler)) {
                int p = at.get(l);
                if (p > topAt && p <= backAt) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The element access at {@code nodes[i]} if it is {@code a[index]} with {@code a} an array local, else null. */
    private static Access access(AbstractInsnNode[] nodes, Map<AbstractInsnNode, Integer> at, int i, int index,
                                 FrameNode frame, int exitAt, int stepAt) {
        AbstractInsnNode n = nodes[i];
        int op = n.getOpcode();
        boolean load = op >= Opcodes.IALOAD && op <= Opcodes.SALOAD;
        boolean store = op >= Opcodes.IASTORE && op <= Opcodes.SASTORE;
        if (!load && !store) {
            return null;
        }
        AbstractInsnNode indexLoad;
        if (load) {
            indexLoad = previous(n);
            if (indexLoad != null && indexLoad.getOpcode() == Opcodes.DUP2) {
                indexLoad = previous(indexLoad);
            }
        } else {
            indexLoad = storeOperands(n, exitAt, at);
        }
        if (!(indexLoad instanceof VarInsnNode iv) || iv.getOpcode() != Opcodes.ILOAD || iv.var != index
                || !(previous(indexLoad) instanceof VarInsnNode av) || av.getOpcode() != Opcodes.ALOAD) {
            return null;
        }
        String type = localType(frame, av.var);
        if (type == null || !type.startsWith("[") || assigned(nodes, exitAt, stepAt, av.var)) {
            return null;
        }
        return new Access(n, av.var, type, store);
    }

    /**
     * For an element store, the instruction that pushed its index: the stack is followed back over the value's
     * code, which must be straight-line code of known stack effect; null if it is not.
     */
    private static AbstractInsnNode storeOperands(AbstractInsnNode store, int exitAt,
                                                  Map<AbstractInsnNode, Integer> at) {
        int need = ArrayInitializers.storeValueSize(store.getOpcode());
        int depth = 0;
        for (AbstractInsnNode x = previous(store); x != null && at.get(x) > exitAt; x = previous(x)) {
            if (depth == need) {
                return x;
            }
            Integer effect = ArrayInitializers.effect(x);
            if (effect == null || x instanceof JumpInsnNode) {
                return null;
            }
            depth += effect;
            if (depth > need) {
                return null;
            }
        }
        return null;
    }

    /** Whether local {@code var} is assigned in nodes {@code (from, to)}. */
    private static boolean assigned(AbstractInsnNode[] nodes, int from, int to, int var) {
        for (int i = from + 1; i < to; i++) {
            if (nodes[i] instanceof VarInsnNode v && v.getOpcode() == Opcodes.ASTORE && v.var == var) {
                return true;
            }
        }
        return false;
    }

    /** Whether no jump of the body before {@code nodes[i]} lands after it (so it runs in every iteration). */
    private static boolean everyIteration(AbstractInsnNode[] nodes, Map<AbstractInsnNode, Integer> at, int exitAt,
                                          int i) {
        for (int k = exitAt + 1; k < i; k++) {
            for (LabelNode t : targets(nodes[k])) {
                if (at.get(t) > i) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The reference type an expanded frame gives local {@code slot}, as ASM writes it, or null. */
    static String localType(FrameNode f, int slot) {
        return localAt(f, slot) instanceof String name ? name : null;
    }

    /** What an expanded frame gives local {@code slot}: a type as ASM writes it, or null. */
    private static Object localAt(FrameNode f, int slot) {
        int s = 0;
        if (f.local == null) {
            return null;
        }
        for (Object t : f.local) {
            if (s == slot) {
                return t;
            }
            s += t == Opcodes.LONG || t == Opcodes.DOUBLE ? 2 : 1;
        }
        return null;
    }

    private static boolean pureBound(AbstractInsnNode n) {
        int op = n.getOpcode();
        return n instanceof VarInsnNode v && (op == Opcodes.ILOAD || op == Opcodes.ALOAD)
                || op == Opcodes.ARRAYLENGTH || op >= Opcodes.ICONST_M1 && op <= Opcodes.ICONST_5
                || n instanceof IntInsnNode && (op == Opcodes.BIPUSH || op == Opcodes.SIPUSH)
                || n instanceof LdcInsnNode l && l.cst instanceof Integer;
    }

    private static boolean endsFlow(AbstractInsnNode n) {
        int op = n.getOpcode();
        return op == Opcodes.GOTO || op == Opcodes.ATHROW || op >= Opcodes.IRETURN && op <= Opcodes.RETURN
                || n instanceof TableSwitchInsnNode || n instanceof LookupSwitchInsnNode;
    }

    /** The labels a jump or switch may go to; none for any other instruction. */
    static List<LabelNode> targets(AbstractInsnNode n) {
        List<LabelNode> targets = new ArrayList<>();
        switch (n) {
            case JumpInsnNode j -> targets.add(j.label);
            case TableSwitchInsnNode t -> {
                targets.addAll(t.labels);
                targets.add(t.dflt);
            }
            case LookupSwitchInsnNode l -> {
                targets.addAll(l.labels);
                targets.add(l.dflt);
            }
            default -> {
            }
        }
        return targets;
    }

    /** The previous instruction that is not a label, line number or frame, or null. */
    private static AbstractInsnNode previous(AbstractInsnNode n) {
        AbstractInsnNode x = n.getPrevious();
        while (x != null && x.getOpcode() < 0) {
            x = x.getPrevious();
        }
        return x;
    }

    private static AbstractInsnNode next(AbstractInsnNode n) {
        return ArrayInitializers.next(n);
    }
}
