import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.api.Concurrently;
import racecourse.grader.api.Points;
import racecourse.grader.api.Subject;

/** Hidden stress checks of the once exercise; every count is exact and each test stops at its first violation. */
class LazyStressTests {
    @SuppressWarnings("unchecked")
    private final Subject<LazyContract<Object>> lazy = (Subject<LazyContract<Object>>) (Subject<?>)
            Subject.of(LazyContract.class);

    /** A value whose fields are set by its constructor; a caller checks it is whole. */
    static final class Built {
        final int a;
        int b;

        Built() {
            a = 42;
            b = 43;
        }
    }

    // Budget: 8 threads, up to 30 rounds with a 5 ms init, stopping at the first double init.
    @Test
    @Points(3)
    @DisplayName("eight threads calling get at the same instant run init exactly once")
    void manyThreadsOneInit() {
        for (int round = 1; round <= 30; round++) {
            AtomicInteger calls = new AtomicInteger();
            LazyContract<Object> l = lazy.create((Supplier<Object>) () -> {
                calls.incrementAndGet();
                Concurrently.pause(5);
                return new Built();
            });
            Set<Object> seen = ConcurrentHashMap.newKeySet();
            AtomicInteger partial = new AtomicInteger();
            Concurrently.run(8, Duration.ofSeconds(20), t -> {
                for (int i = 0; i < 100; i++) {
                    Built b = (Built) l.get();
                    seen.add(b);
                    if (b.a != 42 || b.b != 43) {
                        partial.incrementAndGet();
                    }
                }
            });
            assertEquals(1, calls.get(), "round " + round + ": init ran " + calls.get() + " times for 8 threads");
            assertEquals(1, seen.size(), "round " + round + ": callers got " + seen.size() + " different objects");
            assertEquals(0, partial.get(), "round " + round + ": " + partial.get() + " calls saw a half-built value");
        }
    }

    // Budget: 4 threads, init fails on its first call, up to 20 rounds.
    @Test
    @Points(3)
    @DisplayName("after a failing init under contention, exactly one more init succeeds and everyone shares it")
    void failureUnderContention() {
        for (int round = 1; round <= 20; round++) {
            AtomicInteger calls = new AtomicInteger();
            LazyContract<Object> l = lazy.create((Supplier<Object>) () -> {
                int n = calls.incrementAndGet();
                Concurrently.pause(3);
                if (n == 1) {
                    throw new IllegalStateException("init fails the first time");
                }
                return new Built();
            });
            AtomicInteger thrown = new AtomicInteger();
            Set<Object> seen = ConcurrentHashMap.newKeySet();
            Concurrently.run(4, Duration.ofSeconds(20), t -> {
                try {
                    seen.add(l.get());
                } catch (IllegalStateException e) {
                    thrown.incrementAndGet();
                }
                seen.add(l.get());
            });
            assertEquals(2, calls.get(), "round " + round + ": init should run exactly twice (one failure, one "
                    + "success) but ran " + calls.get() + " times");
            assertEquals(1, thrown.get(), "round " + round + ": the failure should reach exactly the one caller "
                    + "whose init threw, but " + thrown.get() + " callers saw it");
            assertTrue(seen.size() == 1, "round " + round + ": callers got " + seen.size() + " different objects");
        }
    }
}
