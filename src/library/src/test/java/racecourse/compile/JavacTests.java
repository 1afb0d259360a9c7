package racecourse.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one in-process compiler helper: compiles, loads, and reports errors as javac prints them. */
class JavacTests {
    @Test
    void compiledClassesLoadAndRun(@TempDir Path dir) throws Exception {
        Path source = Files.writeString(dir.resolve("Twice.java"),
                "public class Twice { public static int of(int v) { return 2 * v; } }\n");
        Path out = dir.resolve("classes");
        Javac.compile(List.of(source), List.of(), out);
        try (URLClassLoader loader = Javac.loader(List.of(out.toString()))) {
            Object value = loader.loadClass("Twice").getMethod("of", int.class).invoke(null, 21);
            assertEquals(42, value);
        }
    }

    @Test
    void aCompileErrorShowsFileLineSourceAndCaret(@TempDir Path dir) throws Exception {
        Path source = Files.writeString(dir.resolve("Bad.java"), "class Bad {\n    int x = missing + 1;\n}\n");
        CompileException e = assertThrows(CompileException.class,
                () -> Javac.compile(List.of(source), List.of(), dir.resolve("classes")));
        String message = e.getMessage();
        assertTrue(message.contains(source + ":2: error: cannot find symbol"), message);
        assertTrue(message.contains("    int x = missing + 1;\n            ^"), message);
        assertTrue(message.endsWith("1 error"), message);
    }

    @Test
    void aMissingSourceIsACompileErrorThatNamesIt(@TempDir Path dir) {
        Path none = dir.resolve("None.java");
        CompileException e = assertThrows(CompileException.class,
                () -> Javac.compile(List.of(none), List.of(), dir.resolve("classes")));
        assertTrue(e.getMessage().contains("no such source file: " + none), e.getMessage());
    }

    @Test
    void theClassPathIsUsedAndProcessingIsOffUnlessAsked(@TempDir Path dir) throws Exception {
        Path lib = dir.resolve("lib");
        Javac.compile(List.of(Files.writeString(dir.resolve("Base.java"), "public class Base { }\n")), List.of(), lib);
        Path source = Files.writeString(dir.resolve("Sub.java"), "public class Sub extends Base { }\n");
        Path out = dir.resolve("classes");
        Javac.compile(List.of(source), List.of(lib.toString()), out, List.of("-Xlint:none"), List.of());
        assertTrue(Files.isRegularFile(out.resolve("Sub.class")));
        assertThrows(CompileException.class, () -> Javac.compile(List.of(source), List.of(), dir.resolve("alone")));
    }
}
