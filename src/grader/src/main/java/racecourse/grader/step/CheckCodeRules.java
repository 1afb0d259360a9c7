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

    /** Checks every rule against the classes; line numbers are counted from the learner's first cell line. */
    public static List<Finding> check(List<CodeRule> rules, Map<String, byte[]> classes) {
        return check(rules, classes, 0);
    }

    /**
     * Checks every rule against the classes. {@code headerLines} lines (the imports the grader puts in front of the
     * learner's cell) are taken off every line number, so a violation names the line of the learner's cell.
     */
    public static List<Finding> check(List<CodeRule> rules, Map<String, byte[]> classes, int headerLines) {
        List<Finding> findings = new ArrayList<>();
        for (CodeRule rule : rules) {
            Set<String> uses = new TreeSet<>();
            classes.values().forEach(bytes -> scan(bytes, rule, headerLines, uses));
            findings.add(new Finding(rule, List.copyOf(uses)));
        }
        return findings;
    }

    /** True when {@code name} (internal form) matches an entry: a prefix ending in {@code /} or {@code *}, or equal. */
    private static boolean matches(String name, List<String> entries) {
        for (String e : entries) {
            if (e.endsWith("*") ? name.startsWith(e.substring(0, e.length() - 1))
                    : e.endsWith("/") ? name.startsWith(e) : name.equals(e)) {
                return true;
            }
        }
        return false;
    }

    private static void scan(byte[] bytes, CodeRule rule, int headerLines, Set<String> uses) {
        boolean noSync = rule.forbid().contains("synchronized");
        List<String> prefixes = rule.forbid().stream().filter(f -> !f.equals("synchronized")).toList();
        ClassReader reader = new ClassReader(bytes);
        String owner = reader.getClassName().replace('/', '.');
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                    String[] interfaces) {
                type(superName, null, "extends, in class " + owner);
                if (interfaces != null) {
                    for (String i : interfaces) {
                        type(i, null, "implements, in class " + owner);
                    }
                }
            }

            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature,
                    Object value) {
                type(Type.getType(descriptor), "field " + name + " of " + owner);
                return null;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                String method = owner + "." + name;
                if (noSync && (access & Opcodes.ACC_SYNCHRONIZED) != 0) {
                    uses.add("synchronized method " + method);
                }
                return new MethodVisitor(Opcodes.ASM9) {
                    private int line;

                    private String where() {
                        return (line > 0 ? "line " + line + ", " : "") + "in " + method;
                    }

                    @Override
                    public void visitLineNumber(int l, org.objectweb.asm.Label start) {
                        line = l > headerLines ? l - headerLines : l;
                    }

                    @Override
                    public void visitInsn(int opcode) {
                        if (noSync && opcode == Opcodes.MONITORENTER) {
                            uses.add("synchronized block (" + where() + ")");
                        }
                    }

                    @Override
                    public void visitMethodInsn(int opcode, String o, String n, String d, boolean itf) {
                        type(o, n, where());
                        for (Type t : Type.getArgumentTypes(d)) {
                            type(t, where());
                        }
                        type(Type.getReturnType(d), where());
                    }

                    @Override
                    public void visitFieldInsn(int opcode, String o, String n, String d) {
                        type(o, n, where());
                        type(Type.getType(d), where());
                    }

                    @Override
                    public void visitTypeInsn(int opcode, String t) {
                        type(t, opcode == Opcodes.NEW ? "new" : null, where());
                    }

                    @Override
                    public void visitLdcInsn(Object value) {
                        if (value instanceof Type t) {
                            type(t, where());
                        } else if (value instanceof Handle h) {
                            type(h.getOwner(), h.getName(), where());
                        }
                    }

                    @Override
                    public void visitInvokeDynamicInsn(String n, String d, Handle bsm, Object... args) {
                        for (Object a : args) {
                            if (a instanceof Handle h) {
                                type(h.getOwner(), h.getName(), "method reference, " + where());
                            }
                        }
                    }
                };
            }

            private void type(Type t, String where) {
                Type e = t.getSort() == Type.ARRAY ? t.getElementType() : t;
                if (e.getSort() == Type.OBJECT) {
                    type(e.getInternalName(), null, where);
                }
            }

            private void type(String internal, String member, String where) {
                if (internal == null) {
                    return;
                }
                String name = internal.startsWith("[") ? Type.getType(internal).getElementType().getInternalName()
                        : internal;
                String shown = name.replace('/', '.') + (member == null ? "" : "." + member);
                String full = member == null ? name : name + "." + member;
                boolean forbidden = prefixes.stream().anyMatch(full::startsWith);
                boolean outsideAllowList = matches(name, rule.scope()) && !matches(name, rule.allow());
                if (forbidden || outsideAllowList) {
                    uses.add(shown + " (" + where + ")");
                }
            }
        }, 0);
    }
}
