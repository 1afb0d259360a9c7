import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import racecourse.explore.Explore;
import racecourse.grader.api.Subject;

/**
 * Hidden concurrency check of the once exercise, run under the schedule explorer (exercise.properties names the
 * strategy, seed and budget). The program is the one the notebook replay line builds, so a witness schedule
 * replays step for step on the learner's own class.
 */
class LazyExploreChecks {
    /** Two threads call get at once: init runs once (a second run throws), and both share its value. */
    @SuppressWarnings("unchecked")
    static Explore<LazyContract<Object>> initRunsOnce() {
        return Explore.of(() -> {
            AtomicInteger calls = new AtomicInteger();
            Supplier<Object> init = () -> {
                if (calls.incrementAndGet() > 1) {
                    throw new IllegalStateException("init ran a second time");
                }
                return 42;
            };
            return (LazyContract<Object>) Subject.of(LazyContract.class).create(init);
        }).thread(l -> l.get())
                .thread(l -> l.get())
                .after(l -> {
                    Object v = l.get();
                    assertEquals(42, v, "after two threads called get, get should return init's value 42");
                    return v;
                });
    }
}
