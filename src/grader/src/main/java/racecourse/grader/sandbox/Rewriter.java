package racecourse.grader.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Rewrites a submission's class files so that every use of an API the {@link Policy} blocks is preceded by a call to
 * {@link Denied#deny}, which throws: the blocked call, field access or object creation never happens, and the
 * grader lists what was blocked in the feedback.
 *
 * <p>Not thread-safe: one rewriter per submission.
 */
public final class Rewriter {
    private static final String DENIED = Type.getInternalName(Denied.class);

    private final Policy policy;
    private final Set<String> blocked = new TreeSet<>();

    /** A rewriter for a submission made of the given classes (binary names with dots or slashes). */
    public Rewriter(Set<String> classNames) {
        Set<String> internal = new java.util.HashSet<>();
        for (String n : classNames) {
            internal.add(n.replace('.', '/'));
        }
        this.policy = new Policy(internal);
    }

    /** Rewrites every class; keys are binary class names. */
    public Map<String, byte[]> rewrite(Map<String, byte[]> classes) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        classes.forEach((name, bytes) -> out.put(name, rewrite(bytes)));
        return out;
    }

    /** The blocked APIs the submission uses, as {@code java.lang.System.exit}. */
    public List<String> blocked() {
        return new ArrayList<>(blocked);
    }

    private byte[] rewrite(byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new Guard(super.visitMethod(access, name, descriptor, signature, exceptions));
            }
        }, 0);
        return writer.toByteArray();
    }

    /** Puts a call to {@link Denied#deny} in front of each blocked instruction. */
    private final class Guard extends MethodVisitor {
        Guard(MethodVisitor next) {
            super(Opcodes.ASM9, next);
        }

        private void deny(String what) {
            blocked.add(what);
            super.visitLdcInsn(what);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, DENIED, "deny", "(Ljava/lang/String;)V", false);
        }

        private static String dotted(String owner, String member) {
            return owner.replace('/', '.') + (member == null ? "" : "." + member);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean itf) {
            if (!policy.allowsMember(owner, name, descriptor)) {
                deny(dotted(owner, name.equals("<init>") ? "new" : name));
            }
            super.visitMethodInsn(opcode, owner, name, descriptor, itf);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            if (!policy.allowsMember(owner, name, descriptor)) {
                deny(dotted(owner, name));
            }
            super.visitFieldInsn(opcode, owner, name, descriptor);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            if (opcode == Opcodes.NEW && !policy.allowsClass(type)) {
                deny(dotted(type, "new"));
            }
            super.visitTypeInsn(opcode, type);
        }

        @Override
        public void visitLdcInsn(Object value) {
            String why = check(value);
            if (why != null) {
                deny(why);
            }
            super.visitLdcInsn(value);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bsm, Object... args) {
            String why = checkBootstrap(bsm, args);
            if (why != null) {
                deny(why);
            }
            super.visitInvokeDynamicInsn(name, descriptor, bsm, args);
        }

        private String check(Object value) {
            return switch (value) {
                case Type t when t.getSort() == Type.OBJECT && !policy.allowsClass(t.getInternalName()) ->
                        dotted(t.getInternalName(), "class");
                case Type t when t.getSort() == Type.ARRAY && !policy.allowsClass(t.getElementType().getInternalName())
                        -> dotted(t.getElementType().getInternalName(), "class");
                case Handle h when !policy.allowsMember(h.getOwner(), h.getName(), h.getDesc()) ->
                        dotted(h.getOwner(), h.getName());
                case ConstantDynamic c -> {
                    Object[] args = new Object[c.getBootstrapMethodArgumentCount()];
                    for (int i = 0; i < args.length; i++) {
                        args[i] = c.getBootstrapMethodArgument(i);
                    }
                    yield checkBootstrap(c.getBootstrapMethod(), args);
                }
                default -> null;
            };
        }

        private String checkBootstrap(Handle bsm, Object[] args) {
            if (!policy.allowsBootstrap(bsm.getOwner())) {
                return dotted(bsm.getOwner(), bsm.getName());
            }
            for (Object a : args) {
                String why = check(a);
                if (why != null) {
                    return why;
                }
            }
            return null;
        }
    }
}
