package racecourse.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

    @Test
    void aProgramMayNameItsPublicClassUnlikeItsFileAndDeclareSeveralClasses(@TempDir Path dir) throws Exception {
        Path source = Files.writeString(dir.resolve("Launch.java"), """
                package demo;
                public class Renamed {
                    public static void main(String[] args) { Helper.help(); }
                }
                class Helper { static void help() { } }
                """);
        Path out = dir.resolve("classes");
        assertEquals("demo.Renamed", Javac.compileProgram(source, List.of(), out));
        assertTrue(Files.isRegularFile(out.resolve("demo/Renamed.class")));
        assertTrue(Files.isRegularFile(out.resolve("demo/Helper.class")));
        CompileException plain = assertThrows(CompileException.class,
                () -> Javac.compile(List.of(source), List.of(), dir.resolve("plain")));
        assertTrue(plain.getMessage().contains("class Renamed is public, should be declared in a file named"),
                () -> "only the program compile relaxes javac's file-name rule\n" + plain.getMessage());
    }

    /**
     * The class a program's file launches is the one {@code java File.java} launches on JDK 25 (each case checked
     * against the launcher): the first top-level type when it is a class with a {@code main}, else the class named
     * after the file.
     */
    @Test
    void theLaunchedClassIsTheOneTheSourceLauncherPicks(@TempDir Path dir) throws Exception {
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("Four.java", "class A { public static void main(String[] a) { } }\n"
                + "class Four { public static void main(String[] a) { } }\n=A");
        cases.put("Two.java", "class A { }\nclass B { public static void main(String[] a) { } }\n=Two");
        cases.put("Five.java", "class A { }\nclass Five { public static void main(String[] a) { } }\n=Five");
        cases.put("Six.java", "interface I { }\nclass Six { void main() { } }\n=Six");
        cases.put("Lab.java", "// class Decoy { void main() { } }\n@SuppressWarnings(\"all\")\n"
                + "public final class Renamed { void main() { } }\n=Renamed");
        for (var c : cases.entrySet()) {
            String[] parts = c.getValue().split("\n=");
            Path source = Files.writeString(dir.resolve(c.getKey()), parts[0]);
            assertEquals(parts[1], Javac.compileProgram(source, List.of(), dir.resolve("out-" + c.getKey())),
                    c.getKey());
        }
    }

    @Test
    void aProgramWithoutANamedClassIsNamedAfterItsFile(@TempDir Path dir) throws Exception {
        Path source = Files.writeString(dir.resolve("Compact.java"), "void main() { IO.println(\"hi\"); }\n");
        assertEquals("Compact", Javac.compileProgram(source, List.of(), dir.resolve("classes")));
        assertTrue(Files.isRegularFile(dir.resolve("classes/Compact.class")));
    }

    @Test
    void aProgramsErrorNamesTheFileAsGivenWithLineAndCaret(@TempDir Path dir) throws Exception {
        Path source = Files.writeString(dir.resolve("Broken.java"),
                "class Broken {\n    public static void main(String[] a) {\n        int x = \"text\";\n    }\n}\n");
        Files.createDirectories(dir.resolve("sub"));
        Path given = dir.resolve("sub/../Broken.java"); // javac sees the normalized path; messages keep this one
        CompileException e = assertThrows(CompileException.class,
                () -> Javac.compileProgram(given, List.of(), dir.resolve("classes")));
        assertTrue(e.getMessage().startsWith(given + ":3: error: incompatible types"), e.getMessage());
        assertTrue(e.getMessage().contains("        int x = \"text\";\n                ^\n"), e.getMessage());
        assertTrue(e.getMessage().endsWith("1 error"), e.getMessage());
        CompileError error = e.errors().getFirst();
        assertEquals(3, error.line());
        assertEquals(17, error.column());
        assertEquals(given.toString(), error.file());
    }

    @Test
    void sourcesInMemoryCompileToClassFilesInMemory() throws Exception {
        Map<String, byte[]> classes = Javac.compileInMemory(Map.of("Pair.java",
                "class Pair { record Left(int v) { } }\nclass Other { }\n"), List.of(), List.of());
        assertEquals(java.util.Set.of("Pair", "Pair$Left", "Other"), classes.keySet());
        assertEquals(0xCAFEBABE, java.nio.ByteBuffer.wrap(classes.get("Pair")).getInt());
    }

    @Test
    void sourcesInMemorySeeOnlyTheGivenClassPath(@TempDir Path dir) throws Exception {
        String uses = "class Uses { racecourse.compile.Javac j; }\n";
        CompileException e = assertThrows(CompileException.class,
                () -> Javac.compileInMemory(Map.of("Uses.java", uses), List.of(), List.of()));
        assertTrue(e.getMessage().startsWith("Uses.java:1: error: package racecourse.compile does not exist"),
                () -> "with no class path the sources see nothing of this JVM's class path\n" + e.getMessage());
        assertEquals("Uses.java:1: package racecourse.compile does not exist", e.errors().getFirst().oneLine());
        Path lib = dir.resolve("lib");
        Javac.compile(List.of(Files.writeString(dir.resolve("Base.java"), "public class Base { }\n")), List.of(), lib);
        Map<String, byte[]> sub = Javac.compileInMemory(Map.of("Sub.java", "class Sub extends Base { }\n"),
                List.of(lib.toString()), List.of());
        assertFalse(sub.isEmpty());
    }
}
