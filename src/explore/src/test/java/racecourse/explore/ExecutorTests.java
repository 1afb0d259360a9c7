package racecourse.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import racecourse.explore.report.ExploreResult;

/** Executors and futures run their tasks as controlled threads. */
class ExecutorTests {
    static final class Box {
        int v;
    }

    private static Explore<Box> twoTasks(int poolSize) {
        return Explore.of(Box::new).thread(b -> {
            ExecutorService pool = Executors.newFixedThreadPool(poolSize);
            Future<?> f = pool.submit(() -> { int x = b.v; b.v = x + 1; });
            Future<?> g = pool.submit(() -> { int x = b.v; b.v = x + 1; });
            f.get();
            g.get();
            pool.shutdown();
            assertTrue(pool.awaitTermination(1, TimeUnit.SECONDS));
        }).after(b -> b.v);
    }

    @Test
    void twoPoolThreadsCanLoseAnUpdate() {
        ExploreResult r = twoTasks(2).explore();
        assertFalse(r.failed(), r.text());
        assertTrue(r.counts().containsKey("result 1"), r.text());
        assertTrue(r.counts().containsKey("result 2"), r.text());
        assertFalse(r.races().isEmpty(), r.text());
    }

    @Test
    void aSingleThreadPoolRunsTasksInOrder() {
        ExploreResult r = twoTasks(1).explore();
        assertEquals(1, r.counts().size(), r.text());
        assertTrue(r.counts().containsKey("result 2"), r.text());
        assertTrue(r.races().isEmpty(), r.text());
    }

    @Test
    void virtualThreadExecutorClosesWhenItsTasksEnd() {
        ExploreResult r = Explore.of(Box::new).thread(b -> {
            try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
                ex.submit(() -> { synchronized (b) { b.v++; } });
                ex.submit(() -> { synchronized (b) { b.v++; } });
            }
        }).after(b -> b.v).explore();
        assertEquals(1, r.counts().size(), r.text());
        assertTrue(r.counts().containsKey("result 2"), r.text());
    }
}
