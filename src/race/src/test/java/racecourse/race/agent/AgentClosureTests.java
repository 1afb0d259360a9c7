package racecourse.race.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;

/**
 * The agent jar carries only the detector and ASM: every class the agent can load at run time (everything reachable
 * from its entry points and from the hooks that instrumented code calls) refers only to the JDK, ASM and the
 * detector itself, never to the course library, Gson or picocli, which the command-line side uses.
 */
class AgentClosureTests {
    private static final List<String> ENTRY_POINTS = List.of("racecourse/race/agent/RaceAgent",
            "racecourse/race/edges/Hooks", "racecourse/race/edges/ShadowHolder", "racecourse/race/Race");
    private static final List<String> ALLOWED = List.of("java/", "javax/", "jdk/", "sun/", "com/sun/",
            "org/objectweb/asm/", "racecourse/race/");

    @Test
    void theAgentsRunTimeClassesNeedNothingButTheJdkAsmAndTheDetector() throws IOException {
        Set<String> seen = new TreeSet<>();
        Set<String> outside = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(ENTRY_POINTS);
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (!seen.add(name)) continue;
            for (String ref : references(name)) {
                if (ALLOWED.stream().noneMatch(ref::startsWith)) {
                    outside.add(name + " -> " + ref);
                } else if (ref.startsWith("racecourse/race/") && !seen.contains(ref)) {
                    todo.push(ref);
                }
            }
        }
        assertTrue(seen.size() > 20, "the walk found the detector's classes: " + seen);
        assertTrue(seen.stream().noneMatch(n -> n.startsWith("racecourse/race/cli/")), "no CLI class: " + seen);
        assertEquals(Set.of(), outside);
    }

    /** The classes a class file names (types of fields, methods, calls, constants, annotations). */
    private static Set<String> references(String internalName) throws IOException {
        Set<String> refs = new TreeSet<>();
        try (InputStream in = AgentClosureTests.class.getClassLoader().getResourceAsStream(internalName + ".class")) {
            if (in == null) {
                throw new AssertionError("no class file for " + internalName);
            }
            Remapper recorder = new Remapper() {
                @Override
                public String map(String type) {
                    refs.add(type);
                    return type;
                }
            };
            ClassVisitor sink = new ClassVisitor(Opcodes.ASM9) { };
            new ClassReader(in).accept(new ClassRemapper(sink, recorder), 0);
        }
        refs.remove(internalName);
        return refs;
    }
}
