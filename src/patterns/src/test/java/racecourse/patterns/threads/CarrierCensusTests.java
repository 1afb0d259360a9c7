package racecourse.patterns.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import racecourse.process.ChildJvm;
import org.junit.jupiter.api.Test;

class CarrierCensusTests {
    private static Map<String, String> census(String mode, int threads) {
        var r = ChildJvm.run(CarrierCensus.class, List.of("-Djdk.virtualThreadScheduler.parallelism=2"),
                List.of(mode, String.valueOf(threads)), Duration.ofSeconds(120)).orThrow();
        return r.records("carriers").getFirst();
    }

    @Test
    void threadsWaitingOnAMonitorAreAllSeenBlockedAndCarriersAreCounted() {
        Map<String, String> line = census("wait", 8);
        assertEquals("8", line.get("blocked"));
        assertEquals("2", line.get("parallelism"));
        assertEquals("monitor", line.get("source"));
        assertTrue(Integer.parseInt(line.get("during")) >= 1, line.toString());
    }

    @Test
    void readsOfChildProcessPipesBlockOnAnySystemAndAreAllReleased() {
        Map<String, String> line = census("pipe-read", 4);
        assertEquals("child-pipes", line.get("source"));
        int blocked = Integer.parseInt(line.get("blocked"));
        int during = Integer.parseInt(line.get("during"));
        assertTrue(blocked >= 1 && blocked <= 4, line.toString()); // and the census ended: every reader was released
        assertTrue(during >= 1, line.toString());
    }

    @Test
    void aFileReadUsesANamedPipeWhereMkfifoExistsAndChildPipesElsewhere() {
        boolean mkfifo = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, "mkfifo")));
        Map<String, String> line = census("file-read", 4);
        assertEquals(mkfifo ? "fifo" : "child-pipes", line.get("source"), line.toString());
        assertTrue(Integer.parseInt(line.get("blocked")) >= 1, line.toString());
    }
}
