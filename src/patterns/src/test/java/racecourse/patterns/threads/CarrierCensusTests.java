package racecourse.patterns.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import racecourse.process.ChildJvm;
import org.junit.jupiter.api.Test;

class CarrierCensusTests {
    @Test
    void threadsWaitingOnAMonitorAreAllSeenBlockedAndCarriersAreCounted() throws Exception {
        var r = ChildJvm.run(CarrierCensus.class, List.of("-Djdk.virtualThreadScheduler.parallelism=2"),
                List.of("wait", "8"), Duration.ofSeconds(60)).orThrow();
        Map<String, String> line = r.records("carriers").getFirst();
        assertEquals("8", line.get("blocked"));
        assertEquals("2", line.get("parallelism"));
        assertTrue(Integer.parseInt(line.get("during")) >= 1, line.toString());
    }
}
