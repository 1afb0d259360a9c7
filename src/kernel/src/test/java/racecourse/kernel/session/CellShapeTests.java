package racecourse.kernel.session;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Only a snippet that declares nothing may run before the default imports are all in scope; one the test is unsure
 * of waits, which costs time but never correctness.
 */
class CellShapeTests {
    @ParameterizedTest
    @ValueSource(strings = {"1 + 1", "1 + 1;", "Runtime.version()", "System.out.println(\"a;b\");",
        "new ArrayList<>(List.of(1)).size()", "x = 4", "count += 2", "i++", "a.b.c = 3", "'c'", "0x1F", "-1", "!done", "this.toString()",
        "assert 1 < 2", "do { } while (false)", "switch (3) { case 3 -> \"x\"; default -> \"y\"; }",
        "for (int i = 0; i < 3; i++) System.out.println(i);", "if (true) { int local = 1; }", "{ int a = 1; }",
        "try { Thread.currentThread().join(1); } catch (InterruptedException e) { }", "while (false) { }",
        "synchronized (this) { }", "throw new IllegalStateException()",
        "Runtime.version() // a note", "// a note first\nRuntime.version()", "List.of(1).get(0) > 0",
        "\"\"\"\n  text\n  \"\"\".length()", "java.util.List.of(1)", "( (Object) 1 ).hashCode()"})
    void expressionsAndPlainStatementsDeclareNothing(String snippet) {
        assertTrue(CellShape.declaresNothing(snippet), snippet);
    }

    @ParameterizedTest
    @ValueSource(strings = {"int x = 41;", "int x = 41", "var t = Table.create(\"t\")", "void f() { }",
        "int f() { return 1; }", "class A { }", "record P(int a) { }", "enum E { A }", "interface I { }",
        "import java.util.*;", "List<String> names = List.of()", "1 /* ) ; } class X { */", "int a = 1, b = 2;",
        "@interface Note { }", "", "synchronized void f() { }", "non-sealed class C extends B { }",
        "sealed interface S permits A { }", "var x = 1", "Runnable r = () -> { }", "java.util.List<String> l = null",
        "Foo[] fs = null", "strictfp class S { }", "public int x = 1", "transient int t", "volatile boolean v",
        "native void n()", "default void d() { }", "Foo bar = new Foo()", "Foo bar() { return null; }",
        "\\u0069nt x = 1", "// only a note",
        "abstract class B { }", "String s", "static int x = 1", "final var y = 2",
        "List<String> names() { return List.of(); }", "<T> T id(T t) { return t; }",
        "Map<String, List<Integer>> m = new HashMap<>()", "int[] a = {1}", "@Deprecated int z = 3",
        "private long count"})
    void declarationsDoNot(String snippet) {
        assertFalse(CellShape.declaresNothing(snippet), snippet);
    }

    @ParameterizedTest
    @ValueSource(strings = {"s -> s.length()", "a < b", "a[0] = 1", "Foo.bar", "Collections.<String>emptyList()",
        "outer: for (;;) break outer;", "record(1)", "x == 1", "String::length"})
    void snippetsItIsUnsureOfWait(String snippet) {
        assertFalse(CellShape.declaresNothing(snippet), snippet);
    }
}
