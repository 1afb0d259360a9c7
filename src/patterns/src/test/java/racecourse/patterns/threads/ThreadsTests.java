package racecourse.patterns.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import racecourse.process.ChildJvm;
import racecourse.process.ProcessResult;

class ThreadsTests {
    private static final Duration CHILD_DEADLINE = Duration.ofSeconds(30);

    // Budget: two child JVMs, 300 platform and 5000 virtual threads (about 2 s together).
    @Test
    void theCensusStartsTheThreadsAndMeasuresMemory() {
        ProcessResult platform = ChildJvm.run(ThreadCensus.class, List.of("-XX:NativeMemoryTracking=summary"),
                List.of("platform", "0", "300"), CHILD_DEADLINE).orThrow();
        List<Map<String, String>> rows = platform.records("census");
        assertEquals(2, rows.size(), platform.out());
        assertEquals("300", rows.get(1).get("threads"));
        assertEquals("none", rows.get(1).get("failure"));
        long reservedPerThread = (Long.parseLong(rows.get(1).get("nmtStackReservedKb"))
                - Long.parseLong(rows.get(0).get("nmtStackReservedKb"))) / 300;
        assertTrue(reservedPerThread >= 256, "each platform thread reserves a fixed stack, got " + reservedPerThread + " KB");

        ProcessResult virtual = ChildJvm.run(ThreadCensus.class, List.of(), List.of("virtual", "0", "5000"),
                CHILD_DEADLINE).orThrow();
        List<Map<String, String>> vrows = virtual.records("census");
        assertEquals("5000", vrows.get(1).get("threads"));
        double heapPerThread = (Long.parseLong(vrows.get(1).get("heapKb")) - Long.parseLong(vrows.get(0).get("heapKb")))
                / 5000.0;
        assertTrue(heapPerThread < 16, "a parked virtual thread should take a few KB of heap, got "
                + heapPerThread + " KB");
    }

    @Test
    void aBadCensusArgumentIsAClearError() {
        ProcessResult r = ChildJvm.run(ThreadCensus.class, List.of(), List.of("green", "10"), CHILD_DEADLINE);
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("usage"), r.err());
    }

    @Test
    void aBiggerStackGoesDeeper() throws InterruptedException {
        int small = StackDepth.platform(256 * 1024);
        int big = StackDepth.platform(8 * 1024 * 1024);
        assertTrue(big > 4 * small, "8 MiB: " + big + ", 256 KiB: " + small);
        assertTrue(StackDepth.virtual() > 1000);
    }

    @Test
    void pingPongCompletesEveryRoundTrip() throws InterruptedException {
        PingPong.Rally p = PingPong.platform(2000);
        PingPong.Rally v = PingPong.virtual(2000);
        assertEquals(2000, p.roundTrips());
        assertTrue(p.nanosPerHandoff() > 0 && v.nanosPerHandoff() > 0);
    }

    // Deterministic: with one carrier and no blocking, a virtual thread is never preempted.
    @Test
    void oneCarrierRunsOneBusyVirtualThreadToTheEnd() {
        ProcessResult one = ChildJvm.run(Interleaving.class,
                List.of("-Djdk.virtualThreadScheduler.parallelism=1"), List.of("200"), CHILD_DEADLINE).orThrow();
        assertEquals("2", one.records("runs").getFirst().get("n"), one.out());
        assertEquals("1", one.records("carriers").getFirst().get("n"), one.out());
    }

    @Test
    void compressShowsRuns() {
        assertEquals("A×2 B×1 A×1", Interleaving.compress("AABA"));
        assertEquals(3, Interleaving.runs("AABA"));
    }

    // Budget: 8 threads x 40 ms per child JVM; the synchronized run is repeated up to 3 times (a busy machine can
    // only make it slower, so the fastest run counts), the native run once (about 1.5 s to 3 s together).
    @Test
    void synchronizedNoLongerPinsButANativeCallDoes() {
        List<String> opts = List.of("-Djdk.virtualThreadScheduler.parallelism=1", "--enable-native-access=ALL-UNNAMED");
        long sync = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3 && sync >= 8 * 40 * 3 / 4; attempt++) {
            sync = Math.min(sync, elapsed(ChildJvm.run(Pinning.class, opts, List.of("synchronized-sleep", "8", "40"), CHILD_DEADLINE)));
        }
        long nat = elapsed(ChildJvm.run(Pinning.class, opts, List.of("native-sleep", "8", "40"), CHILD_DEADLINE));
        assertTrue(sync < 8 * 40 * 3 / 4, "synchronized sleep took " + sync + " ms: pinned?");
        assertTrue(nat >= 8 * 40, "native sleep took only " + nat + " ms: not pinned?");
    }

    private static long elapsed(ProcessResult r) {
        return Long.parseLong(r.orThrow().records("pinning").getFirst().get("elapsedMs"));
    }
}
