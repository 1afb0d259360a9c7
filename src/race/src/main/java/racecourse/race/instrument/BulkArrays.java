package racecourse.race.instrument;

import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.ToIntFunction;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The JDK's bulk array operations, whose element accesses happen inside the JDK: {@code System.arraycopy} reads
 * the source range and writes the destination range; {@code Arrays.fill}, {@code setAll} and {@code sort} write
 * (sort also reads) the whole array or the given range; {@code copyOf}, {@code copyOfRange}, {@code toString},
 * {@code hashCode}, {@code binarySearch} read. Each becomes a call to {@code Hooks.arrayRange} per array before the
 * operation. Thread-safe (stateless).
 */
final class BulkArrays {
    private static final String HOOKS = "racecourse/race/edges/Hooks";
    private static final Set<String> WRITES = Set.of("fill", "setAll", "parallelSetAll", "parallelPrefix");
    private static final Set<String> SORTS = Set.of("sort", "parallelSort");
    private static final Set<String> READS = Set.of("copyOf", "copyOfRange", "toString", "hashCode",
            "binarySearch");

    private BulkArrays() {
    }

    /** Site-id source: the argument says whether the site writes. */
    interface Sites {
        int site(boolean write);
    }

    /** Instruments {@code mi} if it is a bulk array operation; returns whether it was one. */
    static boolean rewrite(MethodInsnNode mi, InsnList code, ToIntFunction<Type> newLocal, Sites sites) {
        return rewrite(mi, code, newLocal, sites, HOOKS);
    }

    /**
     * The same, calling {@code arrayRange(Object, int, int, boolean, int)} of {@code hooks} (an internal class
     * name): the detector's hooks, or the explorer's scheduler.
     */
    static boolean rewrite(MethodInsnNode mi, InsnList code, ToIntFunction<Type> newLocal, Sites sites,
                           String hooks) {
        if (mi.getOpcode() != Opcodes.INVOKESTATIC) {
            return false;
        }
        Type[] args = Type.getArgumentTypes(mi.desc);
        if (mi.owner.equals("java/lang/System") && mi.name.equals("arraycopy") && args.length == 5) {
            int[] l = store(args, code, mi, newLocal);
            InsnList h = new InsnList();
            range(h, l[0], l[1], l[4], false, sites.site(false), hooks);
            range(h, l[2], l[3], l[4], true, sites.site(true), hooks);
            reload(args, l, h);
            code.insertBefore(mi, h);
            return true;
        }
        if (!mi.owner.equals("java/util/Arrays") || args.length == 0 || args[0].getSort() != Type.ARRAY) {
            return false;
        }
        boolean write = WRITES.contains(mi.name);
        boolean sort = SORTS.contains(mi.name);
        boolean read = READS.contains(mi.name) || sort;
        if (!write && !sort && !read) {
            return false;
        }
        IntPredicate isInt = i -> i < args.length && args[i].getSort() == Type.INT;
        // (array, from, to, ...) is a range; (array, value) and (array, newLength) are not
        boolean ranged = args.length >= 3 && isInt.test(1) && isInt.test(2) && !mi.name.equals("copyOf");
        int[] l = store(args, code, mi, newLocal);
        InsnList h = new InsnList();
        if (read) {
            whole(h, l[0], ranged ? l[1] : -1, ranged ? l[2] : -1, false, sites.site(false), hooks);
        }
        if (write || sort) {
            whole(h, l[0], ranged ? l[1] : -1, ranged ? l[2] : -1, true, sites.site(true), hooks);
        }
        reload(args, l, h);
        code.insertBefore(mi, h);
        return true;
    }

    private static int[] store(Type[] args, InsnList code, MethodInsnNode mi, ToIntFunction<Type> newLocal) {
        int[] locals = new int[args.length];
        InsnList s = new InsnList();
        for (int i = args.length - 1; i >= 0; i--) {
            locals[i] = newLocal.applyAsInt(args[i]);
            s.add(new VarInsnNode(args[i].getOpcode(Opcodes.ISTORE), locals[i]));
        }
        code.insertBefore(mi, s);
        return locals;
    }

    private static void reload(Type[] args, int[] locals, InsnList h) {
        for (int i = 0; i < args.length; i++) {
            h.add(new VarInsnNode(args[i].getOpcode(Opcodes.ILOAD), locals[i]));
        }
    }

    /** {@code arrayRange(array, from, from + length, write, site)}. */
    private static void range(InsnList h, int array, int from, int length, boolean write, int site, String hooks) {
        h.add(new VarInsnNode(Opcodes.ALOAD, array));
        h.add(new VarInsnNode(Opcodes.ILOAD, from));
        h.add(new VarInsnNode(Opcodes.ILOAD, from));
        h.add(new VarInsnNode(Opcodes.ILOAD, length));
        h.add(new InsnNode(Opcodes.IADD));
        h.add(new InsnNode(write ? Opcodes.ICONST_1 : Opcodes.ICONST_0));
        h.add(new LdcInsnNode(site));
        h.add(hook(hooks));
    }

    /** {@code arrayRange(array, from, to, write, site)}, or the whole array when {@code from} is -1. */
    private static void whole(InsnList h, int array, int from, int to, boolean write, int site, String hooks) {
        h.add(new VarInsnNode(Opcodes.ALOAD, array));
        if (from < 0) {
            h.add(new InsnNode(Opcodes.ICONST_0));
            h.add(new LdcInsnNode(Integer.MAX_VALUE));
        } else {
            h.add(new VarInsnNode(Opcodes.ILOAD, from));
            h.add(new VarInsnNode(Opcodes.ILOAD, to));
        }
        h.add(new InsnNode(write ? Opcodes.ICONST_1 : Opcodes.ICONST_0));
        h.add(new LdcInsnNode(site));
        h.add(hook(hooks));
    }

    private static MethodInsnNode hook(String hooks) {
        return new MethodInsnNode(Opcodes.INVOKESTATIC, hooks, "arrayRange", "(Ljava/lang/Object;IIZI)V", false);
    }
}
