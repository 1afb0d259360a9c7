package racecourse.kernel.session;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Only a snippet that declares nothing may run before the default imports are all in scope. */
class CellShapeTests {
    private static CellShape shapes;

    @BeforeAll
    static void open() {
        shapes = new CellShape();
    }

    @AfterAll
    static void close() {
        shapes.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1 + 1", "1 + 1;", "Runtime.version()", "System.out.println(\"a;b\");",
        "new ArrayList<>(List.of(1)).size()", "x = 4", "s -> s.length()", "switch (3) { case 3 -> \"x\"; default -> \"y\"; }",
        "for (int i = 0; i < 3; i++) System.out.println(i);", "if (true) { int local = 1; }", "{ int a = 1; }",
        "try { Thread.sleep(1); } catch (InterruptedException e) { }", "while (false) { }",
        "synchronized (this) { }", "throw new IllegalStateException()",
        "Runtime.version() // a note", "a < b", "List.of(1).get(0) > 0", "\"\"\"\n  text\n  \"\"\".length()"})
    void expressionsAndPlainStatementsDeclareNothing(String snippet) {
        assertTrue(shapes.declaresNothing(snippet), snippet);
    }

    @ParameterizedTest
    @ValueSource(strings = {"int x = 41;", "int x = 41", "var t = Table.create(\"t\")", "void f() { }",
        "int f() { return 1; }", "class A { }", "record P(int a) { }", "enum E { A }", "interface I { }",
        "import java.util.*;", "List<String> names = List.of()", "1); } class X { Object y() { return (2",
        "1 /* ) ; } class X { */", "int a = 1, b = 2;", "@interface Note { }", "1 +", "",
        "abstract class B { }", "String s", "static int x = 1", "final var y = 2",
        "List<String> names() { return List.of(); }", "<T> T id(T t) { return t; }",
        "Map<String, List<Integer>> m = new HashMap<>()", "int[] a = {1}", "@Deprecated int z = 3",
        "private long count"})
    void declarationsAndBrokenSnippetsDoNot(String snippet) {
        assertFalse(shapes.declaresNothing(snippet), snippet);
    }
}
