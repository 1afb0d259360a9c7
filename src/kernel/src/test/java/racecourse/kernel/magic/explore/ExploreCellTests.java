package racecourse.kernel.magic.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import racecourse.explore.ExploreOptions;

/** A {@code %%explore} cell is explored fresh in a child JVM, and its options are the command line's. */
class ExploreCellTests {
    private static final List<String> IMPORTS = List.of("java.util.*", "racecourse.explore.*");

    private static ExploreCell.Result run(String body, String options, List<String> output)
            throws IOException, InterruptedException {
        List<String> cp = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
        return ExploreCell.run(body, options, IMPORTS, cp, output::add, () -> false);
    }

    private static final String COUNTER = """
            class Counter { int v; }
            Explore.of(Counter::new).thread(c -> c.v++).thread(c -> c.v++).after(c -> c.v)
            """;

    @Test
    void aCellsProgramIsExploredAndItsDisplayComesBack() throws Exception {
        List<String> out = new ArrayList<>();
        ExploreCell.Result r = run(COUNTER, "--strategy exhaustive", out);
        assertEquals(0, r.status(), () -> r + "\n" + out);
        String text = r.display().get("text/plain");
        assertTrue(text.contains("Explored 6 schedules") && text.contains("exhaustive"), text);
        assertTrue(text.matches("(?s).*result 1 +4 .*") && text.matches("(?s).*result 2 +2 .*"), text);
        assertTrue(r.display().containsKey("image/png") || r.display().get("text/html").contains("<table>"),
                () -> r.display().keySet().toString());
    }

    @Test
    void optionsReachTheExplorer() throws Exception {
        List<String> out = new ArrayList<>();
        ExploreCell.Result r = run(COUNTER, "--replay \"A B A B\"", out);
        assertEquals(0, r.status(), () -> r + "\n" + out);
        String text = r.display().get("text/plain");
        assertTrue(text.contains("Explored 1 schedule") && text.contains("result 1"), text);
        ExploreCell.Result pct = run(COUNTER, "--strategy pct --seed 3 --schedules 5", out);
        assertTrue(pct.display().get("text/plain").contains("Explored 5 schedules"), pct.display().get("text/plain"));
    }

    @Test
    void aCellThatDoesNotEndWithAProgramSaysSo() throws Exception {
        List<String> out = new ArrayList<>();
        ExploreCell.Result r = run("int x = 1;\nx + 1\n", "", out);
        assertEquals(ExploreCellMain.NO_PROGRAM, r.status(), r::toString);
        assertTrue(String.join("\n", out).contains("must be the program to explore") && String.join("\n", out)
                .contains("java.lang.Integer"), out::toString);
    }

    @Test
    void namesOfEarlierCellsAreNotThereAndTheErrorShowsTheLine() throws Exception {
        List<String> out = new ArrayList<>();
        ExploreCell.Result r = run("int x = 1;\nint y = notDeclaredHere + x;\n", "", out);
        assertEquals(ExploreCellMain.COMPILE_ERROR, r.status(), r::toString);
        String text = String.join("\n", out);
        assertTrue(text.contains("cell:2: error: cannot find symbol"), text);
        assertTrue(text.contains("int y = notDeclaredHere + x;\n        ^"), text);
        assertTrue(text.contains("runs on its own"), text);
    }

    @Test
    void stoppingEndsTheChild() throws Exception {
        List<String> cp = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
        java.util.concurrent.atomic.AtomicBoolean spinning = new java.util.concurrent.atomic.AtomicBoolean();
        ExploreCell.Result r = ExploreCell.run("System.out.println(\"spinning\");\nwhile (true) Thread.onSpinWait();\n",
                "", IMPORTS, cp, line -> spinning.compareAndSet(false, line.equals("spinning")), spinning::get);
        assertTrue(r.stopped(), r::toString);
    }

    @Test
    void optionsAreParsedLikeTheCommandLineAndBadOnesAreRefusedClearly() {
        ExploreOptions o = ExploreCellOptions.parse("--strategy pct --seed 3 --depth 2 --schedules=50 --no-races");
        assertEquals("pct", o.strategy());
        assertEquals(3, o.seed());
        assertEquals(2, o.depth());
        assertEquals(50, o.schedules());
        assertEquals(false, o.races());
        assertEquals("A B A", ExploreCellOptions.parse("--replay \"A B A\"").replay());
        assertEquals(ExploreOptions.defaults(), ExploreCellOptions.parse(""));
        for (String bad : List.of("--strategy", "--seed x", "--bogus 1", "pct", "--replay \"A B", "--strategy nope")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExploreCellOptions.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("%%explore: ") && e.getMessage().contains("usage: %%explore"),
                    e.getMessage());
        }
    }
}
