package racecourse.race.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A {@code %%race} cell runs fresh in a child JVM under the detector, self-contained. */
class RaceCellTests {
    private static final List<String> IMPORTS = List.of("java.util.*", "java.util.concurrent.*");

    private static RaceCell.Result run(String body, List<String> output) throws IOException, InterruptedException {
        List<String> cp = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
        return RaceCell.run(body, IMPORTS, cp, output::add, () -> false);
    }

    @Test
    void aRacyCellIsReportedWithItsOutputAndValue() throws Exception {
        List<String> out = new ArrayList<>();
        RaceCell.Result r = run("""
                int[] hits = new int[1];
                Thread t = new Thread(() -> hits[0]++);
                t.start();
                hits[0]++;
                t.join();
                System.out.println("done");
                hits.length
                """, out);
        assertEquals(0, r.status(), r::toString);
        assertEquals(1, r.races(), r::toString);
        assertTrue(r.complete(), r::toString);
        assertTrue(r.reportText().contains("WARNING: DATA RACE") && r.reportText().contains("int[] element 0"),
                r::toString);
        assertTrue(out.contains("done"), out::toString);
        assertEquals("1", r.value());
    }

    @Test
    void aCorrectCellUsingTheDefaultImportsIsQuiet() throws Exception {
        RaceCell.Result r = run("""
                ExecutorService pool = Executors.newFixedThreadPool(2);
                List<Future<Integer>> parts = new ArrayList<>();
                for (int i = 0; i < 4; i++) { int n = i; parts.add(pool.submit(() -> n * n)); }
                int sum = 0;
                for (Future<Integer> f : parts) sum += f.get();
                pool.shutdown();
                """, new ArrayList<>());
        assertEquals(0, r.status(), r::toString);
        assertEquals(0, r.races(), r::toString);
        assertTrue(r.reportText().contains("No data races found."), r::toString);
        assertNull(r.value(), r::toString);
    }

    @Test
    void namesOfEarlierCellsAreNotThereAndTheErrorSaysSo() throws Exception {
        List<String> out = new ArrayList<>();
        RaceCell.Result r = run("int x = 1;\nint y = notDeclaredHere + x;\n", out);
        assertEquals(CellMain.COMPILE_ERROR, r.status(), r::toString);
        String text = String.join("\n", out);
        assertTrue(text.contains("cell:2: error: cannot find symbol"), text);
        assertTrue(text.contains("int y = notDeclaredHere + x;\n        ^"), () -> "source line and caret\n" + text);
        assertTrue(text.contains("runs on its own"), text);
    }

    @Test
    void aCellThatThrowsSaysSo() throws Exception {
        List<String> out = new ArrayList<>();
        RaceCell.Result r = run("throw new IllegalStateException(\"boom\");\n", out);
        assertEquals(CellMain.THREW, r.status(), r::toString);
        assertTrue(String.join("\n", out).contains("IllegalStateException: boom"), out::toString);
        assertFalse(r.races() > 0, r::toString);
        assertFalse(r.stopped(), "nothing asked the cell to stop");
    }

    @Test
    void theStopFlagEndsACellThatNeverFinishes() throws Exception {
        List<String> out = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
        List<String> cp = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
        RaceCell.Result r = RaceCell.run("""
                System.out.println("spinning");
                while (true) { Thread.onSpinWait(); }
                """, IMPORTS, cp, line -> {
                    out.add(line);
                    if (line.contains("spinning")) {
                        started.set(true);
                    }
                }, started::get);
        assertTrue(started.get(), out::toString);
        assertTrue(r.status() != 0, r::toString);
        assertFalse(r.complete(), "a stopped cell's report is not complete");
        assertTrue(r.stopped(), r::toString);
        assertEquals(0, r.races(), r::toString);
    }
}
