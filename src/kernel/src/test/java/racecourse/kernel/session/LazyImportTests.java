package racecourse.kernel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import racecourse.kernel.execution.CellRun;

/**
 * The default imports come while the kernel connects. A cell that declares something runs with all of them; a
 * single expression or statement runs as soon as the names it uses resolve, once, and the rest follow.
 */
class LazyImportTests {
    private static CellResult eval(JShellSession session, String code, int count) {
        CellRun run = new CellRun(null, count);
        CellRun.CURRENT.set(run);
        try {
            return session.evaluate(code, run);
        } finally {
            CellRun.CURRENT.remove();
        }
    }

    private static <T> T withSession(Function<JShellSession, T> body) {
        try (JShellSession session = new JShellSession(List.of(), List.of())) {
            return body.apply(session);
        }
    }

    @Test
    void aFirstCellThatNeedsAnImportedNameGetsIt() {
        Object value = withSession(s -> assertInstanceOf(CellResult.Value.class,
                eval(s, "var q = new ConcurrentLinkedQueue<Integer>(List.of(4, 2));\nq.size()", 1)).value());
        assertEquals(2, value);
    }

    @Test
    void statementsBeforeTheSnippetThatNeedsImportsRunOnce() {
        String counter = "racecourse.lazy-import-test.runs";
        System.clearProperty(counter);
        withSession(s -> eval(s, "System.setProperty(\"" + counter + "\", \"\" + (Integer.getInteger(\"" + counter
                + "\", 0) + 1));\nvar l = new ArrayList<Integer>();", 1));
        assertEquals("1", System.getProperty(counter)); // the first snippet ran once, not again on the retry
    }

    @Test
    void aFirstCellDeclaringAMethodWithImportedTypesDefinesItFully() {
        Object value = withSession(s -> {
            assertInstanceOf(CellResult.Nothing.class, eval(s, "List<String> words() { return List.of(\"a\", \"b\"); }", 1));
            return assertInstanceOf(CellResult.Value.class, eval(s, "words().size()", 2)).value();
        });
        assertEquals(2, value);
    }

    @Test
    void aVariableKeepsItsValueWhenLaterCellsAddWildcardImports() {
        List<java.nio.file.Path> course = java.util.Arrays.stream(System.getProperty("java.class.path")
                .split(java.io.File.pathSeparator)).map(java.nio.file.Path::of).toList();
        try (JShellSession s = new JShellSession(course, List.of())) {
            CellResult first = eval(s, "import racecourse.predict.*; var p = Prediction.choice(\"01\", \"q\", \"a\", \"a\", \"b\");", 1);
            assertTrue(!(first instanceof CellResult.Failure f), () -> first.toString());
            CellResult second = eval(s, "import racecourse.patterns.bank.*; import racecourse.patterns.icons.*; int d = Settings.pick(1, 2);", 2);
            assertTrue(!(second instanceof CellResult.Failure), () -> second.toString());
            CellResult third = eval(s, "p == null", 3);
            Object value = assertInstanceOf(CellResult.Value.class, third, () -> third.toString()).value();
            assertEquals(false, value, "the first cell's variable was reset by imports added after it");
        }
    }

    @Test
    void aFirstCellWithARealErrorStillReportsIt() {
        var failure = withSession(s -> assertInstanceOf(CellResult.Failure.class, eval(s, "int x = missingName;", 1)));
        assertEquals("CompilationError", failure.name());
        assertTrue(failure.message().contains("cannot find symbol"), failure.message());
    }

    @Test
    void laterCellsAndCompletionHaveTheImports() {
        Object value = withSession(s -> {
            eval(s, "int one = 1;", 1);
            assertTrue(s.complete("Concurrent", 10).matches().stream().anyMatch(m -> m.startsWith("ConcurrentHashMap")));
            return assertInstanceOf(CellResult.Value.class, eval(s, "new TreeMap<String, Integer>().size()", 2)).value();
        });
        assertEquals(0, value);
    }

    @Test
    void theStartUpImporterBringsEveryImportWhenNoCellComes() {
        int left = withSession(s -> {
            s.importDefaultsUntilCell();
            return s.pendingImportCount();
        });
        assertEquals(0, left);
    }

    @Test
    void theStartUpWarmUpComesRightAfterTheFirstImport() {
        // the first import pays for the compiler's cold start; an expression cell that arrives while the rest come
        // in then finds its path warm
        int before = withSession(s -> {
            s.importDefaultsUntilCell();
            return s.importsBeforeWarmUp();
        });
        assertEquals(1, before);
    }

    @Test
    void aCellArrivingWhileTheStartUpImporterRunsGetsTheImportsItNeeds() throws Exception {
        try (JShellSession s = new JShellSession(List.of(), List.of())) {
            int all = s.pendingImportCount();
            Thread importer = Thread.ofPlatform().name("importer").start(s::importDefaultsUntilCell);
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (s.pendingImportCount() == all) { // wait until the importer is under way
                assertTrue(System.nanoTime() < deadline, "the importer never started");
                Thread.onSpinWait();
            }
            Object value = assertInstanceOf(CellResult.Value.class,
                    eval(s, "new ConcurrentHashMap<String, Integer>(Map.of(\"a\", 1)).size()", 1)).value();
            assertEquals(1, value);
            importer.join(60_000);
            assertTrue(!importer.isAlive(), "the importer did not stop");
            awaitAllImports(s);
            assertEquals(3, assertInstanceOf(CellResult.Value.class, eval(s, "new TreeSet<>(Set.of(3, 1, 2)).last()", 2)).value());
        }
    }

    @Test
    void anExpressionThatNeedsNoImportRunsAtOnceAndTheImportsFollow() throws Exception {
        try (JShellSession s = new JShellSession(List.of(), List.of())) {
            assertEquals(2, assertInstanceOf(CellResult.Value.class, eval(s, "1 + 1", 1)).value());
            assertEquals(1, s.cellsRunBeforeImports());
            awaitAllImports(s); // a background importer brings the rest without another cell asking
            assertEquals(0, s.activeNonImports(), "the expression's holder is still defined");
            assertEquals(2, assertInstanceOf(CellResult.Value.class, eval(s, "new ArrayList<>(List.of(4, 5)).size()", 2)).value());
        }
    }

    @Test
    void aStatementThatNeedsNoImportRunsAtOnceAndOnlyOnce() throws Exception {
        String counter = "racecourse.lazy-import-test.statement";
        System.clearProperty(counter);
        try (JShellSession s = new JShellSession(List.of(), List.of())) {
            eval(s, "for (int i = 0; i < 1; i++) System.setProperty(\"" + counter + "\", \"\" + (Integer.getInteger(\""
                    + counter + "\", 0) + 1));", 1);
            assertEquals(1, s.cellsRunBeforeImports());
            awaitAllImports(s);
        }
        assertEquals("1", System.getProperty(counter));
    }

    @Test
    void aDeclarationWaitsForEveryImportEvenWhenItNeedsNone() {
        withSession(s -> {
            assertInstanceOf(CellResult.Nothing.class, eval(s, "int x = 41;", 1));
            assertEquals(0, s.cellsRunBeforeImports());
            assertEquals(0, s.pendingImportCount(), "a declaration ran before the imports that would redefine it");
            assertEquals(42, assertInstanceOf(CellResult.Value.class, eval(s, "x + 1", 2)).value());
            return null;
        });
    }

    @Test
    void anExpressionThatNeedsAPendingImportWaitsForIt() {
        withSession(s -> {
            assertEquals(0, assertInstanceOf(CellResult.Value.class, eval(s, "new ArrayDeque<String>().size()", 1)).value());
            assertEquals(0, s.cellsRunBeforeImports());
            assertEquals(0, s.pendingImportCount());
            return null;
        });
    }

    @Test
    void anEarlyCellsCompileErrorIsReportedOnceWithEveryImportInScope() {
        withSession(s -> {
            var failure = assertInstanceOf(CellResult.Failure.class, eval(s, "Integer.parseInt(1, 2, 3, 4, 5)", 1));
            assertEquals("CompilationError", failure.name());
            assertEquals(0, s.pendingImportCount(), "the error was reported before the imports were in");
            return null;
        });
    }

    @Test
    void anEarlyCellsExceptionIsReportedAndTheImportsStillCome() throws Exception {
        try (JShellSession s = new JShellSession(List.of(), List.of())) {
            var failure = assertInstanceOf(CellResult.Failure.class, eval(s, "Integer.parseInt(\"x\")", 1));
            assertTrue(failure.name().contains("NumberFormatException"), failure::toString);
            assertEquals(1, s.cellsRunBeforeImports());
            awaitAllImports(s);
        }
    }

    private static void awaitAllImports(JShellSession s) throws InterruptedException {
        assertTrue(s.awaitImports(120_000), "the default imports never all came into scope");
    }

    @Test
    void theStartUpWarmUpLeavesNothingBehind() {
        withSession(s -> {
            s.importDefaultsUntilCell();
            assertEquals(0, s.activeNonImports(), "the warm-up expression is still defined");
            CellResult first = eval(s, "int n = 4;\nn * 2", 1);
            assertEquals(8, assertInstanceOf(CellResult.Value.class, first, first::toString).value());
            assertEquals(1, s.activeNonImports(), "the first cell's variable, nothing else (the holder of its value "
                    + "is dropped once the value is taken)");
            assertTrue(s.declarations().sources().isEmpty(), () -> s.declarations().toString());
            return null;
        });
    }

    @Test
    void theJarsJoinAfterTheJdksImportsAndTheFirstCell() throws Exception {
        // indexing the jars delays any cell for 100-300 ms: the first cell, which needs only the JDK, goes first
        try (JShellSession s = new JShellSession(List.of(), List.of())) {
            long fromTheJdk = JShellSession.DEFAULT_IMPORTS.stream().filter(JShellSession::fromTheJdk).count();
            Thread importer = Thread.ofPlatform().name("importer").start(s::importDefaultsUntilCell);
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!(importer.getState() == Thread.State.TIMED_WAITING
                    && s.pendingImportCount() == JShellSession.DEFAULT_IMPORTS.size() - fromTheJdk)) {
                assertTrue(System.nanoTime() < deadline, "the importer never came to wait for a first cell");
                Thread.onSpinWait();
            }
            assertTrue(s.jarsPending(), "the jars came before the first cell");
            assertEquals(2, assertInstanceOf(CellResult.Value.class, eval(s, "1 + 1", 1)).value());
            assertEquals(1, s.cellsRunBeforeJars());
            importer.join(60_000);
            assertTrue(!importer.isAlive(), "the importer waiting for the first cell did not end when it came");
            awaitAllImports(s);
            assertTrue(!s.jarsPending());
            Object name = assertInstanceOf(CellResult.Value.class,
                    eval(s, "org.junit.jupiter.api.Assertions.class.getSimpleName()", 2)).value();
            assertEquals("Assertions", name, "a class on the kernel's class path");
        }
    }

    @Test
    void aFirstCellThatNeedsAJarWaitsForIt() {
        withSession(s -> {
            CellResult result = eval(s, "org.junit.jupiter.api.Assertions.class.getSimpleName()", 1);
            assertEquals("Assertions", assertInstanceOf(CellResult.Value.class, result, result::toString).value());
            assertEquals(0, s.cellsRunBeforeJars());
            assertTrue(!s.jarsPending());
            return null;
        });
    }

    @Test
    void importsFromTheJdkAreToldApartFromTheCourses() {
        for (String jdk : List.of("java.util.*", "java.util.concurrent.atomic.*", "static java.lang.Math.*",
                "java.util.concurrent.locks.ReentrantLock", "javax.swing.*", "jdk.jshell.*")) {
            assertTrue(JShellSession.fromTheJdk(jdk), jdk);
        }
        for (String course : List.of("racecourse.display.*", "static racecourse.display.Display.*",
                "tech.tablesaw.api.*", "racecourse.patterns.Settings", "org.openjdk.jcstress.annotations.*", "javafx.*")) {
            assertTrue(!JShellSession.fromTheJdk(course), course);
        }
    }
}
