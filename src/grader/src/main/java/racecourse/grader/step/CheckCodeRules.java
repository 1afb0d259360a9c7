package racecourse.grader.step;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import racecourse.grader.exercise.Exercise.CodeRule;

/**
 * Checks an exercise's code rules on the submission's class files (before the sandbox rewrite), for example that a
 * confined design uses no locks, no {@code synchronized} and no atomics. Thread-safe (stateless).
 */
public final class CheckCodeRules {
    private CheckCodeRules() {
    }

    /** What one rule found: the uses of forbidden things, empty when the rule holds. */
    public record Finding(CodeRule rule, List<String> uses) {
        /** True when the rule holds. */
        public boolean passed() {
            return uses.isEmpty();
        }
    }

    /** Checks every rule against the classes. */
    public static List<Finding> check(List<CodeRule> rules, Map<String, byte[]> classes) {
        List<Finding> findings = new ArrayList<>();
        for (CodeRule rule : rules) {
            Set<String> uses = new TreeSet<>();
            classes.values().forEach(bytes -> scan(bytes, rule.forbid(), uses));
            findings.add(new Finding(rule, List.copyOf(uses)));
        }
        return findings;
    }

    private static void scan(byte[] bytes, List<String> forbid, Set<String> uses) {
        boolean noSync = forbid.contains("synchronized");
        List<String> prefixes = forbid.stream().filter(f -> !f.equals("synchronized")).toList();
        ClassReader reader = new ClassReader(bytes);
        String owner = reader.getClassName().replace('/', '.');
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                    String[] interfaces) {
                type(superName, "extends");
                if (interfaces != null) {
                    for (String i : interfaces) {
                        type(i, "implements");
                    }
                }
            }

            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature,
                    Object value) {
                type(Type.getType(descriptor), "field " + name);
                return null;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                String where = owner + "." + name;
                if (noSync && (access & Opcodes.ACC_SYNCHRONIZED) != 0) {
                    uses.add("synchronized method " + where);
                }
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitInsn(int opcode) {
                        if (noSync && opcode == Opcodes.MONITORENTER) {
                            uses.add("synchronized block in " + where);
                        }
                    }

                    @Override
                    public void visitMethodInsn(int opcode, String o, String n, String d, boolean itf) {
                        type(o, "call in " + where);
                    }

                    @Override
                    public void visitFieldInsn(int opcode, String o, String n, String d) {
                        type(o, "field use in " + where);
                        type(Type.getType(d), "field use in " + where);
                    }

                    @Override
                    public void visitTypeInsn(int opcode, String t) {
                        type(t, "in " + where);
                    }

                    @Override
                    public void visitLdcInsn(Object value) {
                        if (value instanceof Type t) {
                            type(t, "in " + where);
                        } else if (value instanceof Handle h) {
                            type(h.getOwner(), "in " + where);
                        }
                    }

                    @Override
                    public void visitInvokeDynamicInsn(String n, String d, Handle bsm, Object... args) {
                        for (Object a : args) {
                            if (a instanceof Handle h) {
                                type(h.getOwner(), "method reference in " + where);
                            }
                        }
                    }
                };
            }

            private void type(Type t, String where) {
                Type e = t.getSort() == Type.ARRAY ? t.getElementType() : t;
                if (e.getSort() == Type.OBJECT) {
                    type(e.getInternalName(), where);
                }
            }

            private void type(String internal, String where) {
                if (internal == null) {
                    return;
                }
                String name = internal.startsWith("[") ? Type.getType(internal).getElementType().getInternalName()
                        : internal;
                for (String p : prefixes) {
                    if (name.startsWith(p)) {
                        uses.add(name.replace('/', '.') + " (" + where + ")");
                    }
                }
            }
        }, ClassReader.SKIP_DEBUG);
    }
}
