package racecourse.race.instrument;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * Finds the element stores of array initializers ({@code new int[] {a, b}}, and the arrays javac builds for
 * varargs calls): {@code NEWARRAY; DUP; index; value; xASTORE; DUP; index; value; xASTORE; ...}. Until the last of
 * these stores the new array exists only on the operand stack, so no other thread can reach it: like its zeros,
 * its initial values are part of creating it and need no history. Only value code whose stack effect is known
 * and that has no jump is followed; anything else ends the pattern, and the stores after it are watched as usual.
 *
 * <p>Thread-safe (stateless).
 */
final class ArrayInitializers {
    private ArrayInitializers() {
    }

    /** Returns the element stores of {@code code} that fill a new array before it can escape. */
    static Set<AbstractInsnNode> freshStores(InsnList code) {
        Set<AbstractInsnNode> fresh = Collections.newSetFromMap(new IdentityHashMap<>());
        for (AbstractInsnNode n = code.getFirst(); n != null; n = n.getNext()) {
            int op = n.getOpcode();
            if (op == Opcodes.NEWARRAY || op == Opcodes.ANEWARRAY) {
                follow(n, fresh);
            }
        }
        return fresh;
    }

    /** Follows the stores that fill the array made by {@code created}. */
    private static void follow(AbstractInsnNode created, Set<AbstractInsnNode> fresh) {
        AbstractInsnNode n = next(created);
        while (n != null && n.getOpcode() == Opcodes.DUP) {
            AbstractInsnNode index = next(n);
            if (index == null || !isIntConstant(index)) {
                return;
            }
            int depth = 0;
            AbstractInsnNode store = null;
            for (AbstractInsnNode v = next(index); v != null; v = next(v)) {
                int size = storeValueSize(v.getOpcode());
                if (size > 0 && depth == size) {
                    store = v;
                    break;
                }
                Integer effect = effect(v);
                if (effect == null) {
                    return;
                }
                depth += effect;
                if (depth < 0) {
                    return;
                }
            }
            if (store == null) {
                return;
            }
            fresh.add(store);
            n = next(store);
        }
    }

    /** The next instruction that is not a label, line number or frame, or null. */
    static AbstractInsnNode next(AbstractInsnNode n) {
        AbstractInsnNode x = n.getNext();
        while (x != null && x.getOpcode() < 0) {
            x = x.getNext();
        }
        return x;
    }

    private static boolean isIntConstant(AbstractInsnNode n) {
        int op = n.getOpcode();
        return op >= Opcodes.ICONST_M1 && op <= Opcodes.ICONST_5 || op == Opcodes.BIPUSH || op == Opcodes.SIPUSH
                || n instanceof LdcInsnNode l && l.cst instanceof Integer;
    }

    /** The stack slots an element store takes for its value (0 if {@code op} is no array store). */
    static int storeValueSize(int op) {
        return switch (op) {
            case Opcodes.IASTORE, Opcodes.FASTORE, Opcodes.AASTORE, Opcodes.BASTORE, Opcodes.CASTORE,
                 Opcodes.SASTORE -> 1;
            case Opcodes.LASTORE, Opcodes.DASTORE -> 2;
            default -> 0;
        };
    }

    /** The change in stack slots {@code n} makes, or null when it is not followed (a jump, a store, ...). */
    static Integer effect(AbstractInsnNode n) {
        int op = n.getOpcode();
        if (n instanceof MethodInsnNode m) {
            int args = (Type.getArgumentsAndReturnSizes(m.desc) >> 2) - 1;
            int ret = Type.getArgumentsAndReturnSizes(m.desc) & 3;
            return ret - args - (op == Opcodes.INVOKESTATIC ? 0 : 1);
        }
        if (n instanceof InvokeDynamicInsnNode d) {
            int sizes = Type.getArgumentsAndReturnSizes(d.desc);
            return (sizes & 3) - ((sizes >> 2) - 1);
        }
        if (n instanceof FieldInsnNode f) {
            int size = Type.getType(f.desc).getSize();
            return op == Opcodes.GETSTATIC ? size : op == Opcodes.GETFIELD ? size - 1 : null;
        }
        if (n instanceof LdcInsnNode l) {
            return l.cst instanceof Long || l.cst instanceof Double ? 2 : 1;
        }
        if (n instanceof IntInsnNode) {
            return op == Opcodes.NEWARRAY ? 0 : 1; // BIPUSH, SIPUSH
        }
        int size = storeValueSize(op);
        if (size > 0) {
            return -2 - size;
        }
        return switch (op) {
            case Opcodes.ACONST_NULL, Opcodes.ICONST_M1, Opcodes.ICONST_0, Opcodes.ICONST_1, Opcodes.ICONST_2,
                 Opcodes.ICONST_3, Opcodes.ICONST_4, Opcodes.ICONST_5, Opcodes.FCONST_0, Opcodes.FCONST_1,
                 Opcodes.FCONST_2, Opcodes.ILOAD, Opcodes.FLOAD, Opcodes.ALOAD, Opcodes.DUP, Opcodes.NEW,
                 Opcodes.I2L, Opcodes.I2D, Opcodes.F2L, Opcodes.F2D -> 1;
            case Opcodes.LCONST_0, Opcodes.LCONST_1, Opcodes.DCONST_0, Opcodes.DCONST_1, Opcodes.LLOAD,
                 Opcodes.DLOAD, Opcodes.DUP2 -> 2;
            case Opcodes.INEG, Opcodes.FNEG, Opcodes.LNEG, Opcodes.DNEG, Opcodes.I2F, Opcodes.L2D, Opcodes.F2I,
                 Opcodes.D2L, Opcodes.I2B, Opcodes.I2C, Opcodes.I2S, Opcodes.CHECKCAST, Opcodes.INSTANCEOF,
                 Opcodes.ANEWARRAY, Opcodes.ARRAYLENGTH, Opcodes.LALOAD, Opcodes.DALOAD -> 0;
            case Opcodes.IADD, Opcodes.ISUB, Opcodes.IMUL, Opcodes.IDIV, Opcodes.IREM, Opcodes.IAND, Opcodes.IOR,
                 Opcodes.IXOR, Opcodes.ISHL, Opcodes.ISHR, Opcodes.IUSHR, Opcodes.FADD, Opcodes.FSUB, Opcodes.FMUL,
                 Opcodes.FDIV, Opcodes.FREM, Opcodes.LSHL, Opcodes.LSHR, Opcodes.LUSHR, Opcodes.L2I, Opcodes.L2F,
                 Opcodes.D2I, Opcodes.D2F, Opcodes.FCMPL, Opcodes.FCMPG, Opcodes.IALOAD, Opcodes.FALOAD,
                 Opcodes.AALOAD, Opcodes.BALOAD, Opcodes.CALOAD, Opcodes.SALOAD -> -1;
            case Opcodes.LADD, Opcodes.LSUB, Opcodes.LMUL, Opcodes.LDIV, Opcodes.LREM, Opcodes.LAND, Opcodes.LOR,
                 Opcodes.LXOR, Opcodes.DADD, Opcodes.DSUB, Opcodes.DMUL, Opcodes.DDIV, Opcodes.DREM -> -2;
            case Opcodes.LCMP, Opcodes.DCMPL, Opcodes.DCMPG -> -3;
            default -> null;
        };
    }
}
