package racecourse.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import racecourse.explore.report.ExploreResult;
import racecourse.explore.samples.BenchPrograms;

/**
 * Source sets beside sleep sets: the same traces, each completed once, with fewer partial schedules run and
 * dropped on the way.
 */
class SourceSetTests {
    static final class Box {
        int v;
        int a;
        int b;
        int c;
        final Object x = new Object();
        final Object y = new Object();
        final ReentrantLock lock = new ReentrantLock();
    }

    private static final ExploreOptions SLEEP = ExploreOptions.defaults();
    private static final ExploreOptions SOURCE = ExploreOptions.defaults().withStrategy("source");

    private static List<Explore<?>> programs() {
        Explore.Action<Box> readWrite = b -> { int t = b.v; b.v = t + 1; };
        Explore.Action<Box> locked = b -> { b.lock.lock(); int t = b.v; b.v = t + 1; b.lock.unlock(); };
        return List.of(
                Explore.of(Box::new).thread(readWrite).thread(readWrite).after(b -> b.v),
                Explore.of(Box::new).thread(readWrite).thread(readWrite).thread(readWrite).after(b -> b.v),
                Explore.of(Box::new).thread(locked).thread(locked).thread(readWrite).after(b -> b.v),
                Explore.of(Box::new).thread(b -> { b.a = 1; b.v = 1; b.a = 2; })
                        .thread(b -> { b.b = 1; int t = b.v; b.b = t; }).thread(b -> { b.c = b.v; b.v = 3; })
                        .after(b -> b.v + "," + b.b + "," + b.c),
                Explore.of(Box::new)
                        .thread(b -> { synchronized (b.x) { synchronized (b.y) { b.v++; } } })
                        .thread(b -> { synchronized (b.y) { synchronized (b.x) { b.v++; } } }).after(b -> b.v),
                Explore.of(Box::new) // a thread that starts another, and joins it
                        .thread(b -> { Thread c = new Thread(() -> b.v = 5); c.start(); b.a = b.v; c.join(); b.c = b.v; })
                        .thread(b -> { b.v = 7; b.b = b.v; }).after(b -> b.v + "," + b.a + "," + b.b + "," + b.c),
                Explore.of(Box::new) // wait and notify around a flag
                        .thread(b -> { synchronized (b.x) { while (b.a == 0) b.x.wait(); b.v = b.a; } })
                        .thread(b -> { synchronized (b.x) { b.a = 1; b.x.notifyAll(); } })
                        .thread(b -> { synchronized (b.x) { b.a = 2; b.x.notifyAll(); } }).after(b -> b.v),
                Explore.of(Box::new) // a lock and a plain write, four threads
                        .thread(locked).thread(locked).thread(b -> b.v = 10).thread(b -> b.c = b.v).after(b -> b.v + "," + b.c),
                Explore.of(Box::new) // fork/join beside a plain write
                        .thread(b -> b.v = java.util.concurrent.ForkJoinPool.commonPool()
                                .invoke(new SynchronizerTests.Sum(new int[] {1, 2, 3, 4}, 0, 4)))
                        .thread(b -> { b.a = b.v; b.v = 1; }).after(b -> b.v + "," + b.a),
                Explore.of(Box::new) // async stages and a phaser
                        .thread(b -> { var f = java.util.concurrent.CompletableFuture.supplyAsync(() -> b.v = 2);
                            b.c = b.v; f.join(); })
                        .thread(b -> { var p = new java.util.concurrent.Phaser(1); b.a = b.v; p.arriveAndAwaitAdvance(); })
                        .after(b -> b.v + "," + b.a + "," + b.c),
                BenchPrograms.oneSharedWriteEach(),
                BenchPrograms.disjoint());
    }

    @Test
    void sameTracesAsSleepSetsAlone() {
        for (Explore<?> p : programs()) {
            ExploreResult sleep = p.explore(SLEEP);
            ExploreResult source = p.explore(SOURCE);
            assertTrue(sleep.complete() && source.complete(), source.text());
            assertEquals(sleep.counts(), source.counts(), "sleep sets:\n" + sleep.text() + "\nsource sets:\n"
                    + source.text());
            assertTrue(source.dropped() <= sleep.dropped(), source.dropped() + " > " + sleep.dropped());
        }
    }

    /**
     * With a fixed pool the two searches find the same outcomes as every schedule does, but not the same number of
     * complete schedules (32 with sleep sets alone, 16 with source sets): which of the two is the number of traces
     * there is not settled yet, so only the outcomes are checked.
     */
    @Test
    void fixedPoolFindsEveryOutcome() {
        Explore<Box> pool = Explore.of(Box::new)
                .thread(b -> { var p = java.util.concurrent.Executors.newFixedThreadPool(2);
                    var f = p.submit(() -> b.v = 1); var g = p.submit(() -> b.a = b.v);
                    f.get(); g.get(); b.c = b.v; p.shutdown(); })
                .thread(b -> b.v = 2).after(b -> b.v + "," + b.a + "," + b.c);
        ExploreResult all = pool.explore(ExploreOptions.defaults().withStrategy("exhaustive").withSchedules(200_000));
        assertTrue(all.complete(), all.text());
        assertEquals(8, all.counts().size(), all.text());
        assertEquals(all.counts().keySet(), pool.explore(SLEEP).counts().keySet());
        assertEquals(all.counts().keySet(), pool.explore(SOURCE).counts().keySet());
    }

    @Test
    void independentThreadsNeedNoDroppedSchedules() {
        ExploreResult sleep = BenchPrograms.disjoint().explore(SLEEP);
        ExploreResult source = BenchPrograms.disjoint().explore(SOURCE);
        assertEquals(1, sleep.schedules(), sleep.text());
        assertEquals(1, source.schedules(), source.text());
        assertTrue(sleep.dropped() > 0, "sleep sets alone start and drop partial schedules: " + sleep.dropped());
        assertEquals(0, source.dropped(), "no race, so nothing to try again");
        ExploreResult shared = BenchPrograms.oneSharedWriteEach().explore(SOURCE);
        ExploreResult sharedSleep = BenchPrograms.oneSharedWriteEach().explore(SLEEP);
        assertEquals(6, shared.schedules(), shared.text());
        assertTrue(shared.dropped() < sharedSleep.dropped(), shared.dropped() + " vs " + sharedSleep.dropped());
    }
}
