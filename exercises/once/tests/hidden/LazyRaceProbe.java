import java.time.Duration;
import java.util.function.Supplier;
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
        for (int round = 0; round < 50; round++) {
            LazyContract<Object> l = lazy.create((Supplier<Object>) () -> new int[] {1, 2, 3});
            Concurrently.run(2, Duration.ofSeconds(20), t -> {
                for (int i = 0; i < 10; i++) {
                    l.get();
                }
            });
        }
    }
}
