package racecourse.race.instrument;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Makes method references visible: each {@code invokedynamic} of {@code LambdaMetafactory} in a watched class
 * whose implementation is a method of another class ({@code Thread::start}, {@code list::add},
 * {@code pool::execute}) is pointed at a new private static synthetic method of the watched class that makes the
 * same call. The JDK's generated lambda class (a hidden class, which no agent can instrument) then calls that
 * method, and the call inside it is instrumented like any other. The new method has the implementation's own
 * shape (receiver first, then its parameters), so the lambda factory adapts types exactly as before.
 * Serializable lambdas are left alone (their deserialization names the implementation). Not thread-safe: one
 * instance per class.
 */
final class MethodRefs {
    private static final String FACTORY = "java/lang/invoke/LambdaMetafactory";
    private static final int FLAG_SERIALIZABLE = 1;

    private MethodRefs() {
    }

    /** Rewrites the class's method-reference call sites; returns whether it changed anything. */
    static boolean rewrite(ClassNode cn) {
        boolean itf = (cn.access & Opcodes.ACC_INTERFACE) != 0;
        int version = cn.version & 0xFFFF;
        if (version < (itf ? Opcodes.V9 : Opcodes.V1_8)) {
            return false;
        }
        List<MethodNode> added = new ArrayList<>();
        for (MethodNode m : cn.methods) {
            int line = -1;
            for (AbstractInsnNode n : m.instructions) {
                if (n instanceof LineNumberNode ln) {
                    line = ln.line;
                } else if (n instanceof InvokeDynamicInsnNode indy && eligible(cn, indy)) {
                    Handle impl = (Handle) indy.bsmArgs[1];
                    MethodNode bridge = bridge(impl, Type.getArgumentTypes(indy.desc), "lambda$race$" + added.size(),
                            line);
                    if (bridge != null) {
                        indy.bsmArgs[1] = new Handle(Opcodes.H_INVOKESTATIC, cn.name, bridge.name, bridge.desc, itf);
                        added.add(bridge);
                    }
                }
            }
        }
        cn.methods.addAll(added);
        return !added.isEmpty();
    }

    private static boolean eligible(ClassNode cn, InvokeDynamicInsnNode indy) {
        if (!indy.bsm.getOwner().equals(FACTORY) || indy.bsmArgs.length < 3
                || !(indy.bsmArgs[1] instanceof Handle impl)) {
            return false;
        }
        if (indy.bsm.getName().equals("altMetafactory") && indy.bsmArgs.length > 3
                && indy.bsmArgs[3] instanceof Integer flags && (flags & FLAG_SERIALIZABLE) != 0) {
            return false;
        }
        return !impl.getOwner().equals(cn.name) && !impl.getOwner().startsWith("[");
    }

    /**
     * The bridge for {@code impl}; its first parameters take exactly the captured values' types (the lambda
     * factory insists on that), the rest are the implementation's receiver and parameters.
     */
    private static MethodNode bridge(Handle impl, Type[] captured, String name, int line) {
        Type owner = Type.getObjectType(impl.getOwner());
        Type target = Type.getMethodType(impl.getDesc());
        List<Type> params = new ArrayList<>();
        Type ret;
        int opcode;
        switch (impl.getTag()) {
            case Opcodes.H_INVOKESTATIC -> {
                opcode = Opcodes.INVOKESTATIC;
                ret = target.getReturnType();
            }
            case Opcodes.H_INVOKEVIRTUAL, Opcodes.H_INVOKEINTERFACE -> {
                opcode = impl.getTag() == Opcodes.H_INVOKEVIRTUAL ? Opcodes.INVOKEVIRTUAL : Opcodes.INVOKEINTERFACE;
                params.add(owner);
                ret = target.getReturnType();
            }
            case Opcodes.H_NEWINVOKESPECIAL -> {
                opcode = Opcodes.INVOKESPECIAL;
                ret = owner;
            }
            default -> {
                return null;
            }
        }
        params.addAll(List.of(target.getArgumentTypes()));
        if (captured.length > params.size()) {
            return null;
        }
        for (int i = 0; i < captured.length; i++) {
            if (captured[i].getSort() != params.get(i).getSort()) {
                return null;
            }
            params.set(i, captured[i]);
        }
        String desc = Type.getMethodDescriptor(ret, params.toArray(new Type[0]));
        MethodNode b = new MethodNode(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC, name, desc,
                null, null);
        if (line > 0) {
            LabelNode start = new LabelNode();
            b.instructions.add(start);
            b.instructions.add(new LineNumberNode(line, start));
        }
        if (opcode == Opcodes.INVOKESPECIAL) {
            b.instructions.add(new TypeInsnNode(Opcodes.NEW, impl.getOwner()));
            b.instructions.add(new InsnNode(Opcodes.DUP));
        }
        int slot = 0;
        for (Type p : params) {
            b.instructions.add(new VarInsnNode(p.getOpcode(Opcodes.ILOAD), slot));
            slot += p.getSize();
        }
        b.instructions.add(new MethodInsnNode(opcode, impl.getOwner(), impl.getName(), impl.getDesc(),
                impl.isInterface()));
        b.instructions.add(new InsnNode(ret.getOpcode(Opcodes.IRETURN)));
        b.maxLocals = slot;
        b.maxStack = slot + 2 + Math.max(ret.getSize(), 0);
        return b;
    }
}
