package racecourse.race.instrument;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Handle;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * A plain-text listing of a class file's members and instructions, with the site numbers of one instrumentation
 * run written relative to its first site, so that two runs of the same rewrite list the same. Test support.
 * Not thread-safe.
 */
final class Listing {
    private Listing() {
    }

    /** Lists {@code classFile}; integer constants in {@code [firstSite, endSite)} print as {@code site+N}. */
    static String of(byte[] classFile, int firstSite, int endSite) {
        ClassNode cn = new ClassNode();
        new ClassReader(classFile).accept(cn, ClassReader.SKIP_FRAMES);
        StringBuilder out = new StringBuilder();
        out.append("class ").append(cn.name).append(" extends ").append(cn.superName)
                .append(" implements ").append(cn.interfaces).append('\n');
        for (FieldNode f : cn.fields) {
            out.append("field ").append(f.access).append(' ').append(f.name).append(' ').append(f.desc).append('\n');
        }
        for (MethodNode m : cn.methods) {
            out.append("method ").append(m.access).append(' ').append(m.name).append(m.desc)
                    .append(" maxStack=").append(m.maxStack).append(" maxLocals=").append(m.maxLocals).append('\n');
            List<LabelNode> labels = new ArrayList<>();
            for (AbstractInsnNode n : m.instructions) {
                if (n instanceof LabelNode l) labels.add(l);
            }
            for (TryCatchBlockNode t : m.tryCatchBlocks) {
                out.append("  try L").append(labels.indexOf(t.start)).append(" L").append(labels.indexOf(t.end))
                        .append(" -> L").append(labels.indexOf(t.handler)).append(' ').append(t.type).append('\n');
            }
            for (AbstractInsnNode n : m.instructions) {
                String s = switch (n) {
                    case LabelNode l -> "L" + labels.indexOf(l);
                    case FieldInsnNode f -> op(n) + " " + f.owner + "." + f.name + " " + f.desc;
                    case MethodInsnNode mi -> op(n) + " " + mi.owner + "." + mi.name + mi.desc;
                    case TypeInsnNode t -> op(n) + " " + t.desc;
                    case VarInsnNode v -> op(n) + " " + v.var;
                    case IntInsnNode i -> op(n) + " " + i.operand;
                    case IincInsnNode i -> "IINC " + i.var + " " + i.incr;
                    case JumpInsnNode j -> op(n) + " L" + labels.indexOf(j.label);
                    case LdcInsnNode l -> "LDC " + (l.cst instanceof Integer i && i >= firstSite && i < endSite
                            ? "site+" + (i - firstSite) : l.cst);
                    case InvokeDynamicInsnNode d -> "INDY " + d.name + d.desc + " " + Arrays.stream(d.bsmArgs)
                            .map(a -> a instanceof Handle h ? h.getOwner() + "." + h.getName() + h.getDesc()
                                    : String.valueOf(a)).toList();
                    default -> n.getOpcode() < 0 ? null : op(n);
                };
                if (s != null) out.append("  ").append(s).append('\n');
            }
        }
        return out.toString();
    }

    private static String op(AbstractInsnNode n) {
        return "op" + n.getOpcode();
    }
}
