package racecourse.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StartGateTests {
    @Test
    void noWorkerStartsBeforeTheGateOpens() {
        StartGate gate = new StartGate(3);
        AtomicInteger passed = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            workers.add(Thread.ofPlatform().start(() -> {
                gate.arriveAndAwait();
                passed.incrementAndGet();
            }));
        }
        assertEquals(0, passed.get(), "the gate is still closed");
        gate.openWhenAllArrived();
        Workers.joinAll(workers);
        assertEquals(3, passed.get());
    }

    @Test
    void aGateNeedsParties() {
        assertThrows(IllegalArgumentException.class, () -> new StartGate(0));
    }
}
