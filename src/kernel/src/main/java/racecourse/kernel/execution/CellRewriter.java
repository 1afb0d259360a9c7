package racecourse.kernel.execution;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites the bytecode of cell classes before they are defined: a {@link Stop#check()} at every method entry
 * and before every jump, {@link ExitGuard} in place of the calls that end the JVM, and {@link CellThreads} around
 * the calls that start virtual threads. Every inserted instruction leaves the operand stack as it found it and
 * adds no branch, so the class's stack maps stay valid as they are. Thread-safe (stateless).
 */
public final class CellRewriter {
    private static final String STOP = "racecourse/kernel/execution/Stop";
    private static final String GUARD = "racecourse/kernel/execution/ExitGuard";
    private static final String THREADS = "racecourse/kernel/execution/CellThreads";

    private CellRewriter() {
    }

    /** The rewritten class file. */
    public static byte[] rewrite(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                return (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0 ? mv : new CellMethod(mv);
            }
        }, 0);
        return writer.toByteArray();
    }

    private static final class CellMethod extends MethodVisitor {
        CellMethod(MethodVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public void visitCode() {
            super.visitCode();
            stopCheck();
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            stopCheck();
            super.visitJumpInsn(opcode, label);
        }

        private void stopCheck() {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, STOP, "check", "()V", false);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (opcode == Opcodes.INVOKESTATIC && owner.equals("java/lang/System") && name.equals("exit")) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARD, "exit", "(I)V", false);
            } else if (opcode == Opcodes.INVOKEVIRTUAL && owner.equals("java/lang/Runtime")
                    && (name.equals("exit") || name.equals("halt"))) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARD, name, "(Ljava/lang/Runtime;I)V", false);
            } else if (opcode == Opcodes.INVOKESTATIC && owner.equals("java/lang/Thread") && name.equals("startVirtualThread")) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, THREADS, "startVirtualThread",
                        "(Ljava/lang/Runnable;)Ljava/lang/Thread;", false);
            } else if (opcode == Opcodes.INVOKESTATIC && owner.equals("java/util/concurrent/Executors")
                    && name.equals("newVirtualThreadPerTaskExecutor")) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, THREADS, "newVirtualThreadPerTaskExecutor",
                        "()Ljava/util/concurrent/ExecutorService;", false);
            } else if (owner.startsWith("java/lang/Thread$Builder") && (name.equals("start") || name.equals("unstarted"))
                    && descriptor.endsWith(")Ljava/lang/Thread;")) {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, THREADS, "register",
                        "(Ljava/lang/Thread;)Ljava/lang/Thread;", false);
            } else {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            }
        }
    }
}
