package racecourse.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeasureTests {
    private static final MachineLoad BUSY = new MachineLoad(OptionalDouble.of(3.5), OptionalInt.of(4));

    @Test
    void quantilesInterpolateBetweenOrderStatistics() {
        Summary s = new Summary("a", new double[] {5, 1, 4, 2, 3});
        assertEquals(3, s.median());
        assertEquals(2, s.q1());
        assertEquals(4, s.q3());
        assertEquals(1, s.min());
        assertEquals(5, s.max());
        Summary even = new Summary("b", new double[] {1, 2, 3, 4});
        assertEquals(2.5, even.median(), 1e-12);
        assertEquals(1.75, even.q1(), 1e-12);
        assertEquals(3.25, even.q3(), 1e-12);
    }

    @Test
    void badSamplesAreRefusedWithTheVariantNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Summary("lock", new double[0])).getMessage().contains("lock"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Summary("lock", new double[] {1, Double.NaN}))
                .getMessage().contains("lock"));
    }

    @Test
    void separatedSpreadsGiveAFasterVerdict() {
        Summary fast = new Summary("holder", new double[] {3, 4, 3.5, 4.2, 3.8});
        Summary slow = new Summary("lock", new double[] {20, 25, 22, 30, 21});
        TimingVerdict v = TimingVerdict.compare(slow, fast, Better.LOWER, "ns per call", BUSY);
        assertTrue(v.conclusive());
        assertEquals("holder", v.first().variant());
        assertTrue(v.sentence().startsWith("holder is faster than lock: median 3.8 against 22 ns per call, about 5.8×"), v.sentence());
    }

    @Test
    void higherIsBetterPutsTheLargerMedianFirst() {
        Summary many = new Summary("eager", new double[] {600, 610, 620, 630, 640});
        Summary few = new Summary("locked", new double[] {200, 210, 220, 230, 240});
        TimingVerdict v = TimingVerdict.compare(few, many, Better.HIGHER, "requests per ms", BUSY);
        assertEquals("eager", v.first().variant());
        assertTrue(v.sentence().startsWith("eager is faster than locked"), v.sentence());
    }

    @Test
    void overlappingSpreadsAreInconclusiveAndSayHowBusyTheMachineWas() {
        Summary a = new Summary("lock ×2", new double[] {22, 40, 60, 70, 90});
        Summary b = new Summary("holder ×1", new double[] {50, 60, 69, 75, 80});
        TimingVerdict v = TimingVerdict.compare(a, b, Better.LOWER, "ns per call", BUSY);
        assertFalse(v.conclusive());
        assertTrue(v.sentence().contains("inconclusive on this machine right now: 4 other processes were busy (load average 3.50)"),
                v.sentence());
    }

    @Test
    void oneNoisyRunMakesItInconclusive() {
        Summary steady = new Summary("a", new double[] {10, 10.2, 10.1, 9.9, 10});
        Summary noisy = new Summary("b", new double[] {20, 21, 20.5, 9.5, 20.2}); // one run caught a quiet moment... or a slow one
        assertFalse(TimingVerdict.compare(steady, noisy, Better.LOWER, "ms", BUSY).conclusive());
        Summary clean = new Summary("b", new double[] {20, 21, 20.5, 19.5, 20.2});
        assertTrue(TimingVerdict.compare(steady, clean, Better.LOWER, "ms", BUSY).conclusive());
    }

    @Test
    void oneVariantHasNothingToCompare() {
        Measurement m = new Measurement("t", "ms", Better.LOWER, List.of(new Summary("only", new double[] {1, 2, 3, 4, 5})), BUSY);
        assertTrue(m.verdicts().isEmpty());
        assertEquals("Only only was measured: median 3 ms (range 1–5); there is nothing to compare it with.", m.interpretation());
    }

    @Test
    void interpretationComparesNeighboursInOrderOfMedian() {
        Measurement m = new Measurement("t", "ns", Better.LOWER, List.of(
                new Summary("slow", new double[] {90, 95, 100, 105, 110}),
                new Summary("fast", new double[] {1, 2, 3, 4, 5}),
                new Summary("middle", new double[] {40, 50, 60, 70, 95})), BUSY);
        List<TimingVerdict> verdicts = m.verdicts();
        assertEquals(List.of("fast", "middle"), List.of(verdicts.get(0).first().variant(), verdicts.get(0).second().variant()));
        assertTrue(verdicts.get(0).conclusive());
        assertFalse(verdicts.get(1).conclusive());
        String text = m.interpretation();
        assertTrue(text.contains("fast is faster than middle") && text.contains("middle against slow is inconclusive"), text);
        assertTrue(m.text().contains("slow: median 100, IQR 95–105, range 90–110, 5 runs"), m.text());
        assertTrue(m.toMimeBundle().data().containsKey("image/png"));
    }

    @Test
    void loadIsReadFromProcAndCountsOnlyOtherRunnableProcesses(@TempDir Path proc) throws IOException {
        Files.writeString(proc.resolve("loadavg"), "2.41 1.90 1.50 3/512 12345\n");
        stat(proc, 101, "R", 1);
        stat(proc, 102, "S", 1);
        stat(proc, 103, "R", 1);
        stat(proc, ProcessHandle.current().pid(), "R", 1);
        MachineLoad load = MachineLoad.read(proc);
        assertEquals(2.41, load.loadAverage().orElseThrow(), 1e-9);
        assertEquals(2, load.otherBusy().orElseThrow());
        assertEquals("2 other processes were busy (load average 2.41)", load.words());
    }

    @Test
    void loadDegradesWhereThereIsNoProc(@TempDir Path empty) {
        MachineLoad load = MachineLoad.read(empty.resolve("missing"));
        assertTrue(load.otherBusy().isEmpty());
        assertTrue(load.words().startsWith("the number of other busy processes is unknown here"), load.words());
    }

    private static void stat(Path proc, long pid, String state, long parent) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)));
        Files.writeString(dir.resolve("stat"), pid + " (some (odd) name) " + state + " " + parent + " 1 1 0 -1\n");
    }

    @Test
    void timingRunsEveryChildAtLeastFiveTimesInterleaved() {
        List<String> calls = new ArrayList<>();
        double[] next = {0};
        ChildRunner fake = (main, options, args, deadline) -> {
            calls.add(args.getFirst());
            next[0]++;
            return new ChildRunner.Output(0, "noise\n" + Timing.line(args.getFirst(), next[0]) + "\n", "");
        };
        Measurement m = Timing.of("fake", "ms", Better.LOWER).child(SpinChild.class, "a").child(SpinChild.class, "b")
                .runner(fake).run();
        assertEquals(List.of("a", "b", "a", "b", "a", "b", "a", "b", "a", "b"), calls);
        assertEquals(5, m.summary("a").count());
        assertEquals(6, m.summary("b").median()); // b saw 2, 4, 6, 8, 10
        assertThrows(IllegalArgumentException.class, () -> Timing.of("t", "ms", Better.LOWER).runs(3));
    }

    @Test
    void aFailingOrSilentChildIsReportedWithItsOutput() {
        ChildRunner failing = (main, options, args, deadline) -> new ChildRunner.Output(1, "", "boom");
        var e = assertThrows(IllegalStateException.class,
                () -> Timing.of("t", "ms", Better.LOWER).child(SpinChild.class).runner(failing).run());
        assertTrue(e.getMessage().contains("exited with 1") && e.getMessage().contains("boom"), e.getMessage());
        ChildRunner silent = (main, options, args, deadline) -> new ChildRunner.Output(0, "hello", "");
        assertTrue(assertThrows(IllegalStateException.class,
                () -> Timing.of("t", "ms", Better.LOWER).child(SpinChild.class).runner(silent).run()).getMessage().contains("printed no"));
        assertThrows(IllegalArgumentException.class, () -> Timing.parse("measure variant=a value=fast", new java.util.HashMap<>()));
    }

    @Test
    void realChildJvmsMeasureTwoLoops() {
        Measurement m = Timing.of("two loops", "ms", Better.LOWER).child(SpinChild.class).deadline(Duration.ofSeconds(120)).run();
        assertEquals(5, m.summary("short loop").count());
        assertEquals(5, m.summary("long loop").count());
        assertTrue(m.summary("long loop").median() > 0);
        TimingVerdict v = m.verdict("short loop", "long loop");
        assertEquals("short loop", v.first().variant());
        String sentence = v.sentence();
        assertTrue(sentence.startsWith("short loop is faster than long loop") || sentence.contains("inconclusive on this machine right now"),
                sentence);
        System.out.println(m.text());
    }
}
