package racecourse.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JShell set-up and snippet loop the {@code %%race} and {@code %%explore} children share. */
class ChildCellShellTests {
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void snippetsRunInOrderWithTheImportsGivenAndEachValueIsSeen() {
        List<String> values = new ArrayList<>();
        try (ChildCellShell shell = new ChildCellShell("%%race", "racecourse.race.", List.of("java.util.concurrent.atomic.*", " "), err)) {
            ChildCellShell.Outcome outcome = shell.run("""
                    class Box { AtomicInteger n = new AtomicInteger(); }
                    var b = new Box();
                    b.n.incrementAndGet();
                    b.n.get() + 1
                    """, e -> values.add(ChildCellShell.isExpression(e.snippet()) ? e.value() : "-"));
            assertEquals(ChildCellShell.Outcome.RAN, outcome, err());
        }
        assertEquals("2", values.getLast(), values::toString);
        assertEquals(4, values.size(), values::toString);
    }

    @Test
    void aCompileErrorStopsTheCellAndIsPrintedWithItsLineAndTheMagicsNote() {
        List<String> seen = new ArrayList<>();
        try (ChildCellShell shell = new ChildCellShell("%%explore", "racecourse.kernel.", List.of(), err)) {
            ChildCellShell.Outcome outcome = shell.run("int x = 1;\nint y = notHere + x;\nint z = 3;\n",
                    e -> seen.add(e.snippet().source().strip()));
            assertEquals(ChildCellShell.Outcome.COMPILE_ERROR, outcome);
        }
        assertEquals(List.of("int x = 1;"), seen);
        assertTrue(err().contains("cell:2: error: cannot find symbol"), err());
        assertTrue(err().contains("int y = notHere + x;\n        ^"), err());
        assertTrue(err().contains("a %%explore cell runs on its own"), err());
    }

    @Test
    void anExceptionStopsTheCellAndIsPrintedWithTheCellsFrames() {
        try (ChildCellShell shell = new ChildCellShell("%%race", "racecourse.race.", List.of(), err)) {
            ChildCellShell.Outcome outcome = shell.run("""
                    void fail() { throw new IllegalStateException("broken"); }
                    fail();
                    System.out.println("not reached");
                    """, e -> { });
            assertEquals(ChildCellShell.Outcome.THREW, outcome);
        }
        assertTrue(err().contains("Exception java.lang.IllegalStateException: broken"), err());
        assertTrue(err().contains("\tat .fail(#1:1)"), err()); // JShell names a snippet #N and its class ""
    }

    @Test
    void anUnresolvedNameSaysSo() {
        try (ChildCellShell shell = new ChildCellShell("%%race", "racecourse.race.", List.of(), err)) {
            ChildCellShell.Outcome outcome = shell.run("void f() { g(); }\nf();\n", e -> { });
            assertEquals(ChildCellShell.Outcome.THREW, outcome);
        }
        assertTrue(err().contains("uses names that are not declared in this cell"), err());
    }
}
