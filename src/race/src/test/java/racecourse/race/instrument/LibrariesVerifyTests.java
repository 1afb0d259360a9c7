package racecourse.race.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Every class of every library jar on the test class path (ASM, picocli, JUnit, ...: thousands of classes that
 * javac and other compilers wrote, with loops, handlers and frames of every shape) is rewritten, defined alone
 * and linked, which makes the JVM verify each method. A class the rewriting breaks would fail to load in a
 * learner's program, so none may; and enough of them hold sweeps that the sweep rewriting is among what is checked.
 * A class that cannot be defined alone even unchanged (its package-mates in another loader) is left out, and so
 * are failures that come from defining a copy alone rather than from the class file.
 */
class LibrariesVerifyTests {
    @Test
    void everyRewrittenClassOfTheLibrariesVerifies() throws Exception {
        ClassLoader deps = LibrariesVerifyTests.class.getClassLoader();
        int rewritten = 0;
        int sweeps = 0;
        List<String> broken = new ArrayList<>();
        for (String path : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!path.endsWith(".jar")) {
                continue;
            }
            try (JarFile jar = new JarFile(path)) {
                for (JarEntry e : Collections.list(jar.entries())) {
                    String n = e.getName();
                    if (!n.endsWith(".class") || n.endsWith("module-info.class") || n.startsWith("META-INF/")) {
                        continue;
                    }
                    String name = n.substring(0, n.length() - ".class".length()).replace('/', '.');
                    byte[] plain = jar.getInputStream(e).readAllBytes();
                    byte[] out = new ClassInstrumenter(deps, true).instrument(plain);
                    if (out == null || !links(name, plain)) {
                        continue;
                    }
                    rewritten++;
                    ClassNode cn = MethodScan.readExpanded(plain);
                    for (MethodNode m : cn.methods) {
                        sweeps += SweepLoops.find(cn, m).size();
                    }
                    Throwable problem = problem(name, out);
                    if (problem instanceof VerifyError || problem instanceof ClassFormatError) {
                        broken.add(name + ": " + problem.toString().lines().limit(8).toList());
                    }
                }
            }
        }
        assertEquals(List.of(), broken, "rewritten classes the JVM rejects");
        assertTrue(rewritten > 1000, "classes rewritten: " + rewritten);
        assertTrue(sweeps > 50, "sweeps among them: " + sweeps);
    }

    /** Whether {@code bytes}, defined alone as class {@code name}, loads and links (so verifies). */
    private static boolean links(String name, byte[] bytes) {
        return problem(name, bytes) == null;
    }

    /**
     * Why {@code bytes}, defined alone as class {@code name}, does not load and link, or null if it does. Only a
     * {@code VerifyError} or {@code ClassFormatError} can come from the class file itself; the rest (a missing
     * optional dependency, a loader constraint between this copy and one the test's loader made) come from
     * defining it alone.
     */
    private static Throwable problem(String name, byte[] bytes) {
        try {
            Rewritten.define(name, bytes, false).getDeclaredMethods();
            return null;
        } catch (LinkageError | ClassNotFoundException | RuntimeException e) {
            return e;
        }
    }
}
