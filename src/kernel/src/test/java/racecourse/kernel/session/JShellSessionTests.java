package racecourse.kernel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import racecourse.kernel.execution.CellRun;

class JShellSessionTests {
    private static JShellSession session;
    private static int count;

    @BeforeAll
    static void start() {
        session = new JShellSession(List.of(), List.of());
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    private static CellResult eval(String code) {
        CellRun run = new CellRun(null, ++count);
        CellRun.CURRENT.set(run);
        try {
            return session.evaluate(code, run);
        } finally {
            CellRun.CURRENT.remove();
        }
    }

    @Test
    void lastExpressionIsTheLiveObject() {
        CellResult result = eval("var list = new ArrayList<Integer>(List.of(1, 2));\nlist");
        Object value = assertInstanceOf(CellResult.Value.class, result).value();
        assertInstanceOf(java.util.ArrayList.class, value);
        assertEquals(List.of(1, 2), value);
    }

    @Test
    void declarationsShowNothing() {
        assertInstanceOf(CellResult.Nothing.class, eval("int declared = 3;"));
        assertInstanceOf(CellResult.Nothing.class, eval("void helper() { }"));
    }

    @Test
    void compileErrorPointsAtTheCellsLineAndColumn() {
        var failure = assertInstanceOf(CellResult.Failure.class, eval("int a = 1;\n\nString s = a;"));
        assertEquals("CompilationError", failure.name());
        assertTrue(failure.message().startsWith("line 3, column 12: incompatible types"), failure.message());
        assertTrue(failure.lines().contains("    String s = a;"), failure.lines().toString());
        assertTrue(failure.lines().contains("               ^"), failure.lines().toString());
    }

    @Test
    void runtimeErrorNamesTheCellLine() {
        var failure = assertInstanceOf(CellResult.Failure.class,
                eval("int zero = 0;\nint boom() { return 1 / zero; }\nboom()"));
        assertEquals("java.lang.ArithmeticException", failure.name());
        String text = String.join("\n", failure.lines());
        assertTrue(text.contains("at boom (cell [" + count + "], line 2)"), text);
        assertTrue(text.contains("at cell code (cell [" + count + "], line 3)"), text);
        assertTrue(!text.contains("racecourse.kernel"), text);
    }

    @Test
    void exitIsAnErrorOfTheCellOnly() {
        var failure = assertInstanceOf(CellResult.Failure.class, eval("System.exit(4);"));
        assertEquals("SystemExit", failure.name());
        assertInstanceOf(CellResult.Value.class, eval("1 + 1"));
    }

    @Test
    void completenessOfPartialCode() {
        assertEquals("complete", session.isComplete("int x = 1;"));
        assertEquals("    ", session.isComplete("while (true) {"));
    }

    @Test
    void completionFindsMembers() {
        var completion = session.complete("\"abc\".toLower", 13);
        assertTrue(completion.matches().contains("toLowerCase("), completion.matches().toString());
        assertEquals(6, completion.start());
    }

    @Test
    void anExpressionsValueLeavesNoVariableBehind() {
        long before = session.activeNonImports();
        eval("int kept = 20;");
        for (int i = 0; i < 5; i++) {
            Object value = assertInstanceOf(CellResult.Value.class, eval("kept + " + i)).value();
            assertEquals(20 + i, value, "the value is still the expression's");
        }
        assertEquals(before + 1, session.activeNonImports(),
                "only the declared variable stays: JShell's $N holders would lengthen every later snippet's source");
        assertEquals(25, assertInstanceOf(CellResult.Value.class, eval("kept += 5;\nkept")).value(),
                "declared variables keep their values and stay assignable");
        var list = assertInstanceOf(CellResult.Value.class, eval("new ArrayList<>(List.of(7))")).value();
        assertEquals(List.of(7), list, "the live object is what the cell shows, after its holder is dropped");
    }
}
