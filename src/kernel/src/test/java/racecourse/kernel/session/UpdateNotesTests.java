package racecourse.kernel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import racecourse.kernel.execution.CellRun;

/** A cell that changes what an earlier cell's declaration means says so, whatever kind of change it is. */
class UpdateNotesTests {
    private JShellSession session;
    private int count;

    @BeforeEach
    void start() {
        session = new JShellSession(List.of(), List.of());
    }

    @AfterEach
    void stop() {
        session.close();
    }

    /** Runs a cell and returns what it wrote to standard error. */
    private String eval(String code) {
        PrintStream before = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CellRun run = new CellRun(null, ++count);
        CellRun.CURRENT.set(run);
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            session.evaluate(code, run);
        } finally {
            System.setErr(before);
            CellRun.CURRENT.remove();
        }
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anImportThatMakesATypeAmbiguousNamesTheVariableItBreaks() {
        assertEquals("", eval("List<Integer> xs = new ArrayList<>(List.of(1, 2));\nxs.add(3);"));
        String notes = eval("import java.awt.*;");
        assertTrue(notes.contains("variable xs can no longer be used, because of this cell's import `import java.awt.*;`"),
                notes);
        assertTrue(notes.contains("reference to List is ambiguous"), notes);
        assertTrue(notes.contains("by its full name"), notes);
        String back = eval("import java.util.List;");
        assertTrue(back.contains("variable xs can be used again; it holds [1, 2, 3]"), back);
    }

    @Test
    void aClassDeclaredAgainResetsItsVariablesAndSaysSo() {
        assertEquals("", eval("class Box { int v = 7; }\nBox box = new Box();"));
        String notes = eval("class Box { int v = 8; int w; }");
        assertTrue(notes.contains("variable box was declared again because of this cell's `class Box"), notes);
        assertTrue(notes.contains("it now holds null"), notes);
    }

    @Test
    void aMethodThatLosesWhatItCallsIsNamed() {
        assertEquals("", eval("int twice(int x) { return 2 * x; }\nint four() { return twice(2); }"));
        assertEquals("", eval("int twice(String s) { return 0; }"), "an overload leaves the caller intact");
        String notes = eval("String twice(int x) { return \"\" + x; }");
        assertTrue(notes.contains("method four can no longer be used, because of this cell's `String twice(int x)"),
                notes);
    }

    @Test
    void declaringSomethingAgainOnPurposeSaysNothing() {
        assertEquals("", eval("String text = \"a\";\nint size() { return 1; }\nclass Pair { }"));
        assertEquals("", eval("String text = \"b\";\nint size() { return 2; }\nclass Pair { int a; }"));
        assertEquals("", eval("/* a cell that replaces the variable by a method of the same name */\nint text() { return 0; }"));
    }

    @Test
    void anUnrelatedCellSaysNothing() {
        assertEquals("", eval("int n = 5;"));
        assertEquals("", eval("import java.awt.Color;\nint m = n + 1;"));
    }
}
