package racecourse.race.instrument;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import racecourse.race.edges.Hooks;

/**
 * Every hook call the detector's instrumentation emits names a public static method of {@link Hooks} with exactly
 * that descriptor. A call that does not resolve fails only when it runs, as a {@code NoSuchMethodError} that a JDK
 * caller (a publisher, a pool) may swallow, so it is checked here for every kind of rewritten code.
 */
class HookCallsResolveTests {
    private static Set<String> hooks() {
        Set<String> known = new HashSet<>();
        for (Method m : Hooks.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())) {
                known.add(m.getName() + Type.getMethodDescriptor(m));
            }
        }
        return known;
    }

    @ParameterizedTest
    @ValueSource(strings = {"racecourse.race.instrument.fixture.AllKinds", "racecourse.race.instrument.fixture.Shapes",
            "racecourse.race.instrument.fixture.Callbacks", "racecourse.race.instrument.fixture.Callbacks$Sink",
            "racecourse.race.instrument.fixture.Callbacks$Tick", "demo.DriverMain"})
    void everyEmittedHookCallResolves(String className) throws Exception {
        byte[] out = new ClassInstrumenter(getClass().getClassLoader(), true).instrument(DetectorModeTests.bytes(className));
        assertTrue(out != null, className + " was left unchanged");
        ClassNode cn = new ClassNode();
        new ClassReader(out).accept(cn, 0);
        Set<String> known = hooks();
        List<String> calls = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (MethodNode m : cn.methods) {
            for (AbstractInsnNode n : m.instructions) {
                if (n instanceof MethodInsnNode mi && mi.owner.equals("racecourse/race/edges/Hooks")) {
                    calls.add(mi.name);
                    if (!known.contains(mi.name + mi.desc)) {
                        missing.add(m.name + ": " + mi.name + mi.desc);
                    }
                }
            }
        }
        assertFalse(calls.isEmpty(), className + " has no hook call");
        assertTrue(missing.isEmpty(), className + " calls hooks that do not exist: " + missing);
    }
}
