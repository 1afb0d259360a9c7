package racecourse.kernel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import racecourse.kernel.execution.CellRun;

/** What a cell run in another JVM gets of the earlier cells: their imports, classes and methods, never their statements. */
class DeclarationsTests {
    private static void eval(JShellSession session, String code, int count) {
        CellRun run = new CellRun(null, count);
        CellRun.CURRENT.set(run);
        try {
            session.evaluate(code, run);
        } finally {
            CellRun.CURRENT.remove();
        }
    }

    @Test
    void importsClassesAndMethodsComeAlongButVariablesAndStatementsDoNot() {
        try (JShellSession s = new JShellSession(List.of(), List.of())) {
            eval(s, "import java.util.zip.*;\nimport static java.lang.Math.max;", 1);
            eval(s, "class Counter { int n; void hit() { n++; } }\nint twice(int x) { return 2 * x; }", 2);
            eval(s, "int seen = 4;\nSystem.setProperty(\"racecourse.declarations-test\", \"ran\");", 3);
            eval(s, "class Broken { Missing m; }", 4);
            JShellSession.Declarations d = s.declarations();
            assertTrue(d.imports().contains("java.util.zip.*"), d.imports().toString());
            assertTrue(d.imports().contains("static java.lang.Math.max"), d.imports().toString());
            assertEquals(2, d.sources().size(), d.sources().toString());
            assertTrue(d.sources().get(0).contains("class Counter"), d.sources().toString());
            assertTrue(d.sources().get(1).contains("int twice"), d.sources().toString());
            assertTrue(d.sources().stream().noneMatch(src -> src.contains("seen") || src.contains("setProperty")
                    || src.contains("Broken")), d.sources().toString());
        }
    }
}
