package racecourse.grader.pipeline;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Finds the test methods whose outcome depends on the schedule: those that reach
 * {@code racecourse.grader.api.Concurrently.run} (several threads of the learner's code at once), directly, through a
 * lambda, or through any other method of the suite. Thread-safe (stateless).
 */
final class ScheduleDependence {
    private static final String CONCURRENTLY = "racecourse/grader/api/Concurrently";

    private ScheduleDependence() {
    }

    /** The methods that reach a concurrent run, as {@code owner/internal/Name.method}. */
    static Set<String> methods(Collection<byte[]> classes) {
        Map<String, Set<String>> calls = new HashMap<>();
        Set<String> reached = new HashSet<>();
        for (byte[] bytes : classes) {
            ClassReader reader = new ClassReader(bytes);
            String owner = reader.getClassName();
            reader.accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                        String[] exceptions) {
                    String self = owner + "." + name;
                    Set<String> out = calls.computeIfAbsent(self, k -> new HashSet<>());
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitMethodInsn(int opcode, String o, String n, String d, boolean itf) {
                            if (o.equals(CONCURRENTLY) && n.equals("run")) {
                                reached.add(self);
                            }
                            out.add(o + "." + n);
                        }

                        @Override
                        public void visitInvokeDynamicInsn(String n, String d, Handle bsm, Object... args) {
                            for (Object a : args) {
                                if (a instanceof Handle h) {
                                    out.add(h.getOwner() + "." + h.getName());
                                    if (h.getOwner().equals(CONCURRENTLY) && h.getName().equals("run")) {
                                        reached.add(self);
                                    }
                                }
                            }
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Map.Entry<String, Set<String>> e : calls.entrySet()) {
                if (!reached.contains(e.getKey()) && e.getValue().stream().anyMatch(reached::contains)) {
                    reached.add(e.getKey());
                    changed = true;
                }
            }
        }
        return reached;
    }
}
