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
    private static final String LOCK_ORDER = Type.getInternalName(LockOrder.class);

    private static final String THREAD = "java/lang/Thread";
    private static final String FACTORY = "Ljava/util/concurrent/ThreadFactory;";
    /** {@code Executors} calls that make their own threads, and the overload that takes a thread factory. */
    private static final Map<String, String> EXECUTORS = Map.of(
            "newFixedThreadPool(I)", "newFixedThreadPool(I" + FACTORY + ")",
            "newCachedThreadPool()", "newCachedThreadPool(" + FACTORY + ")",
            "newSingleThreadExecutor()", "newSingleThreadExecutor(" + FACTORY + ")",
            "newScheduledThreadPool(I)", "newScheduledThreadPool(I" + FACTORY + ")",
            "newSingleThreadScheduledExecutor()", "newSingleThreadScheduledExecutor(" + FACTORY + ")",
            "newVirtualThreadPerTaskExecutor()", "newThreadPerTaskExecutor(" + FACTORY + ")");

    private final Policy policy;
    private final int lineShift;
    private final Set<String> blocked = new TreeSet<>();

    /** A rewriter for a submission made of the given classes (binary names with dots or slashes). */
    public Rewriter(Set<String> classNames) {
        this(classNames, 0);
    }

    /**
     * As above; {@code lineShift} lines (the imports the grader puts in front of the learner's cell) are taken off
     * every line number, so stack traces and race reports count lines from the first line of the cell.
     */
    public Rewriter(Set<String> classNames, int lineShift) {
        Set<String> internal = new java.util.HashSet<>();
        for (String n : classNames) {
            internal.add(n.replace('.', '/'));
        }
        this.policy = new Policy(internal);
        this.lineShift = lineShift;
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
        String owner = reader.getClassName();
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new Guard(super.visitMethod(access, name, descriptor, signature, exceptions), owner, name,
                        access);
            }
        }, 0);
        return writer.toByteArray();
    }

    /** Puts a call to {@link Denied#deny} in front of each blocked instruction. */
    private final class Guard extends MethodVisitor {
        private final String owner;
        private final String method;
        private final int access;
        private int line;

        Guard(MethodVisitor next, String owner, String method, int access) {
            super(Opcodes.ASM9, next);
            this.owner = owner;
            this.method = method;
            this.access = access;
        }

        private String where() {
            return owner.replace('/', '.') + "." + method + (line > 0 ? " (line " + line + ")" : "");
        }

        @Override
        public void visitCode() {
            super.visitCode();
            if ((access & Opcodes.ACC_SYNCHRONIZED) != 0) {
                if ((access & Opcodes.ACC_STATIC) != 0) {
                    super.visitLdcInsn(Type.getObjectType(owner));
                } else {
                    super.visitVarInsn(Opcodes.ALOAD, 0);
                }
                super.visitLdcInsn(owner.replace('/', '.') + "." + method + " (synchronized method)");
                super.visitMethodInsn(Opcodes.INVOKESTATIC, LOCK_ORDER, "acquiring",
                        "(Ljava/lang/Object;Ljava/lang/String;)V", false);
            }
        }

        @Override
        public void visitInsn(int opcode) {
            if (opcode == Opcodes.MONITORENTER) {
                lockHook();
            }
            super.visitInsn(opcode);
        }

        private void lockHook() {
            super.visitInsn(Opcodes.DUP);
            super.visitLdcInsn(where());
            super.visitMethodInsn(Opcodes.INVOKESTATIC, LOCK_ORDER, "acquiring",
                    "(Ljava/lang/Object;Ljava/lang/String;)V", false);
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
        public void visitLineNumber(int line, org.objectweb.asm.Label start) {
            this.line = line > lineShift ? line - lineShift : line;
            super.visitLineNumber(this.line, start);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean itf) {
            String redirect = Denied.REDIRECTS.get(owner + "." + name + descriptor);
            if (redirect != null) {
                int paren = redirect.indexOf('(');
                super.visitMethodInsn(Opcodes.INVOKESTATIC, DENIED, redirect.substring(0, paren),
                        redirect.substring(paren), false);
                return;
            }
            if (name.equals("printStackTrace") && opcode != Opcodes.INVOKESTATIC
                    && (descriptor.equals("(Ljava/io/PrintStream;)V") || descriptor.equals("(Ljava/io/PrintWriter;)V"))) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, DENIED, "printStackTrace",
                        "(Ljava/lang/Throwable;" + descriptor.substring(1), false);
                return;
            }
            String executor = owner.equals("java/util/concurrent/Executors") && opcode == Opcodes.INVOKESTATIC
                    ? EXECUTORS.get(name + descriptor.substring(0, descriptor.indexOf(')') + 1)) : null;
            if (executor != null) {
                boolean virtual = name.equals("newVirtualThreadPerTaskExecutor");
                super.visitMethodInsn(Opcodes.INVOKESTATIC, DENIED, virtual ? "virtualThreadFactory"
                        : "threadFactory", "()" + FACTORY, false);
                int paren = executor.indexOf('(');
                super.visitMethodInsn(opcode, owner, executor.substring(0, paren),
                        executor.substring(paren) + descriptor.substring(descriptor.indexOf(')') + 1), false);
                return;
            }
            if (!policy.allowsMember(owner, name, descriptor)) {
                deny(dotted(owner, name.equals("<init>") ? "new" : name));
            }
            if (owner.startsWith("java/util/concurrent/locks/") && descriptor.equals("()V")
                    && opcode != Opcodes.INVOKESTATIC) {
                if (name.equals("lock") || name.equals("lockInterruptibly")) {
                    lockHook();
                } else if (name.equals("unlock")) {
                    super.visitInsn(Opcodes.DUP);
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, LOCK_ORDER, "released", "(Ljava/lang/Object;)V",
                            false);
                }
            }
            boolean startsThread = name.equals("start") && descriptor.equals("()V") && opcode != Opcodes.INVOKESTATIC
                    && (owner.equals(THREAD) || policy.isOwn(owner));
            if (startsThread) {
                super.visitInsn(Opcodes.DUP);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, DENIED, "count", "(Ljava/lang/Object;)V", false);
            }
            super.visitMethodInsn(opcode, owner, name, descriptor, itf);
            boolean madeThread = descriptor.endsWith(")L" + THREAD + ";")
                    && (owner.startsWith(THREAD + "$Builder") && (name.equals("start") || name.equals("unstarted"))
                    || owner.equals(THREAD) && name.equals("startVirtualThread")
                    || owner.equals("java/util/concurrent/ThreadFactory") && name.equals("newThread"));
            if (madeThread) {
                super.visitInsn(Opcodes.DUP);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, DENIED, "count", "(Ljava/lang/Object;)V", false);
            }
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
                case Handle h when !policy.allowsMember(h.getOwner(), h.getName(), h.getDesc())
                        || guarded(h) -> dotted(h.getOwner(), h.getName());
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

        /** A method reference to a call the rewrite guards (it must be called directly to be guarded). */
        private boolean guarded(Handle h) {
            String n = h.getName();
            return Denied.REDIRECTS.containsKey(h.getOwner() + "." + n + h.getDesc())
                    || n.equals("printStackTrace") || n.equals("startVirtualThread") || n.equals("newThread")
                    || n.equals("start") && (h.getOwner().startsWith(THREAD) || policy.isOwn(h.getOwner()))
                    || n.equals("unstarted") || h.getOwner().equals("java/util/concurrent/Executors");
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
