import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.api.Subject;

/** Visible tests of the ring exercise: {@code Checks.run("ring", Ring.class)}. */
class RingTests {
    private final Subject<RingContract> ring = Subject.of(RingContract.class);

    static long liveThreadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix)).count();
    }

    @Test
    @DisplayName("three platform threads, ten laps: the baton makes 30 hops")
    void smallPlatformRing() throws InterruptedException {
        RingContract r = ring.create(3, Thread.ofPlatform().name("ring-small-", 0));
        assertEquals(30, r.pass(10));
    }

    @Test
    @DisplayName("a ring can be used again, and no ring thread outlives pass")
    void reusable() throws InterruptedException {
        RingContract r = ring.create(4, Thread.ofPlatform().name("ring-again-", 0));
        assertEquals(4, r.pass(1));
        assertEquals(8, r.pass(2));
        for (int i = 0; i < 100 && liveThreadsNamed("ring-again-") > 0; i++) Thread.sleep(10);
        assertEquals(0, liveThreadsNamed("ring-again-"), "ring threads still alive after pass returned");
    }

    @Test
    @DisplayName("a thousand virtual threads, one lap")
    void virtualRing() throws InterruptedException {
        assertEquals(1_000, ring.create(1_000, Thread.ofVirtual()).pass(1));
    }

    @Test
    @DisplayName("a ring needs at least one thread and a lap count of at least zero")
    void badSizes() {
        assertThrows(IllegalArgumentException.class, () -> ring.create(0, Thread.ofVirtual()));
        RingContract r = ring.create(2, Thread.ofVirtual());
        assertThrows(IllegalArgumentException.class, () -> r.pass(-1));
    }
}
