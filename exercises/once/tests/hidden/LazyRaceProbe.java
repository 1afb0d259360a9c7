import java.time.Duration;
import java.util.function.Supplier;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import racecourse.grader.api.Concurrently;
import racecourse.grader.api.Subject;

/** The workload the race detector watches: two threads share fresh Lazy objects. Scored by the race check. */
class LazyRaceProbe {
    @Test
    @SuppressWarnings("unchecked")
    void twoThreadsShareOneLazy() {
        Subject<LazyContract<Object>> lazy = (Subject<LazyContract<Object>>) (Subject<?>)
                Subject.of(LazyContract.class);
        for (int round = 0; round < 20; round++) {
            LazyContract<Object> l = lazy.create((Supplier<Object>) () -> new int[] {1, 2, 3});
            AtomicReference<Object> first = new AtomicReference<>();
            Concurrently.inTurn(2, Duration.ofSeconds(20), t -> {
                for (int i = 0; i < 10; i++) {
                    Object v = l.get();
                    assertArrayEquals(new int[] {1, 2, 3}, (int[]) v, "get() returns what the supplier built");
                    first.compareAndSet(null, v);
                    assertSame(first.get(), v, "every get() returns the one value built");
                }
            });
        }
    }
}
