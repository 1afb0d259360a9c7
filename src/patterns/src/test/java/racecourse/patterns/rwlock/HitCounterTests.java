package racecourse.patterns.rwlock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HitCounterTests {
    @Test
    void bothCountersAnswerPricesAndCountOneThreadsHits() {
        ReadLockHitCounter broken = new ReadLockHitCounter();
        AtomicHitCounter fixed = new AtomicHitCounter();
        broken.set("tea", 3);
        fixed.set("tea", 3);
        assertEquals(3, broken.price("tea"));
        assertEquals(0, broken.price("coffee"));
        assertEquals(3, fixed.price("tea"));
        assertEquals(0, fixed.price("coffee"));
        assertEquals(2, broken.hits());
        assertEquals(2, fixed.hits());
    }

    @Test
    void theFixedCounterLosesNoHitsUnderManyReaders() throws InterruptedException {
        AtomicHitCounter fixed = new AtomicHitCounter();
        fixed.set("tea", 3);
        List<Thread> readers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            readers.add(Thread.ofPlatform().start(() -> {
                for (int j = 0; j < 50_000; j++) fixed.price("tea");
            }));
        }
        for (Thread t : readers) t.join();
        assertEquals(200_000, fixed.hits());
    }
}
