package racecourse.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Exchanger;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Phaser;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.RecursiveTask;
import org.junit.jupiter.api.Test;
import racecourse.explore.report.ExploreResult;
import racecourse.explore.report.Outcome;
import racecourse.explore.sched.Ending;

/**
 * Phaser, Exchanger, fork/join and CompletableFuture's async methods: for each, a correct program passes every
 * schedule (with no data race), and a broken one is caught with a witness that replays to the same outcome.
 */
class SynchronizerTests {
    /** Two slots and a phaser for two parties. */
    static final class Phases {
        final Phaser phaser = new Phaser(2);
        int a;
        int b;
        int seenByA = -1;
        int seenByB = -1;
    }

    static final class Swap {
        final Exchanger<String> exchanger = new Exchanger<>();
        String gotA;
        String gotB;
    }

    static final class Counter {
        int v;
    }

    /** Sums a[lo..hi) by splitting in two. */
    static final class Sum extends RecursiveTask<Integer> {
        final int[] a;
        final int lo;
        final int hi;

        Sum(int[] a, int lo, int hi) {
            this.a = a;
            this.lo = lo;
            this.hi = hi;
        }

        @Override
        protected Integer compute() {
            if (hi - lo <= 1) return hi > lo ? a[lo] : 0;
            int mid = (lo + hi) / 2;
            Sum left = new Sum(a, lo, mid);
            left.fork();
            int right = new Sum(a, mid, hi).compute();
            return left.join() + right;
        }
    }

    /** Counts its leaves into a shared counter without synchronization: a lost update. */
    static final class CountLeaves extends RecursiveAction {
        final Counter c;
        final int n;

        CountLeaves(Counter c, int n) {
            this.c = c;
            this.n = n;
        }

        @Override
        protected void compute() {
            if (n <= 1) {
                c.v++;
                return;
            }
            invokeAll(new CountLeaves(c, n / 2), new CountLeaves(c, n - n / 2));
        }
    }

    private static Outcome replays(ExploreResult r, Outcome o, Explore<?> program) {
        ExploreResult again = program.play(o.witness());
        assertEquals(List.of(o.label()), List.copyOf(again.counts().keySet()), again.text());
        return o;
    }

    @Test
    void phaserOrdersEachPhase() {
        Explore<Phases> ok = Explore.of(Phases::new)
                .thread(p -> { p.a = 1; p.phaser.arriveAndAwaitAdvance(); p.seenByA = p.b; p.phaser.arriveAndDeregister(); })
                .thread(p -> { p.b = 2; p.phaser.arriveAndAwaitAdvance(); p.seenByB = p.a; p.phaser.arriveAndDeregister(); })
                .after(p -> p.seenByA + "," + p.seenByB);
        ExploreResult r = ok.explore();
        assertTrue(r.complete(), r.text());
        assertEquals(Map.of("result 2,1", r.schedules()), r.counts(), r.text());
        assertTrue(r.races().isEmpty(), r.text());

        Explore<Phases> early = Explore.of(Phases::new) // A only arrives: it does not wait for B's write
                .thread(p -> { p.a = 1; p.phaser.arrive(); p.seenByA = p.b; })
                .thread(p -> { p.b = 2; p.phaser.arriveAndAwaitAdvance(); p.seenByB = p.a; })
                .after(p -> p.seenByA + "," + p.seenByB);
        ExploreResult bad = early.explore();
        assertTrue(bad.counts().containsKey("result 0,1"), bad.text());
        replays(bad, bad.outcome("result 0,1"), early);

        Explore<Phases> missing = Explore.of(Phases::new).thread(p -> p.phaser.arriveAndAwaitAdvance());
        ExploreResult stuck = missing.explore();
        Outcome o = stuck.witness();
        assertEquals(Ending.Kind.DEADLOCK, o.kind(), stuck.text());
        assertTrue(o.detail().contains("to finish phase 0"), o.detail());
    }

    @Test
    void exchangerPairsTwoThreads() {
        Explore<Swap> ok = Explore.of(Swap::new)
                .thread(s -> s.gotA = s.exchanger.exchange("from A"))
                .thread(s -> s.gotB = s.exchanger.exchange("from B"))
                .after(s -> s.gotA + "/" + s.gotB);
        ExploreResult r = ok.explore();
        assertTrue(r.complete(), r.text());
        assertEquals(Map.of("result from B/from A", r.schedules()), r.counts(), r.text());

        Explore<Swap> three = Explore.of(Swap::new)
                .thread(s -> s.exchanger.exchange("1"))
                .thread(s -> s.exchanger.exchange("2"))
                .thread(s -> s.exchanger.exchange("3"));
        ExploreResult bad = three.explore();
        Outcome o = bad.witness();
        assertEquals(Ending.Kind.DEADLOCK, o.kind(), bad.text());
        assertTrue(o.detail().contains("for a partner at Exchanger"), o.detail());
        replays(bad, o, three);
    }

    @Test
    void forkJoinTasksRunAsThreadsAndJoin() {
        Explore<Counter> sum = Explore.of(Counter::new)
                .thread(c -> c.v = ForkJoinPool.commonPool().invoke(new Sum(new int[] {1, 2, 3, 4}, 0, 4)))
                .after(c -> c.v);
        ExploreResult r = sum.explore();
        assertTrue(r.complete(), r.text());
        assertEquals(Map.of("result 10", r.schedules()), r.counts(), r.text());
        assertTrue(r.races().isEmpty(), r.text());
        // the halves interleave in many ways, all equivalent (they only read): one trace, every schedule 10
        ExploreResult all = sum.explore(ExploreOptions.defaults().withStrategy("exhaustive"));
        assertTrue(all.complete() && all.schedules() > 1, all.text());
        assertEquals(Map.of("result 10", all.schedules()), all.counts(), all.text());
        assertEquals(1, r.schedules(), r.text());

        Explore<Counter> lost = Explore.of(Counter::new)
                .thread(c -> new CountLeaves(c, 3).invoke())
                .after(c -> c.v);
        ExploreResult bad = lost.explore();
        assertTrue(bad.counts().containsKey("result 3"), bad.text());
        assertTrue(bad.counts().containsKey("result 2"), bad.text());
        replays(bad, bad.outcome("result 2"), lost);
        assertFalse(bad.races().isEmpty(), bad.text());
    }

    @Test
    void completableFutureAsyncStagesRunAsThreads() {
        Explore<Counter> chain = Explore.of(Counter::new)
                .thread(c -> {
                    CompletableFuture<Integer> f = CompletableFuture.supplyAsync(() -> { c.v = 20; return c.v; })
                            .thenApplyAsync(x -> x + 1);
                    c.v = f.join() + c.v;
                })
                .after(c -> c.v);
        ExploreResult r = chain.explore();
        assertTrue(r.complete(), r.text());
        assertEquals(Map.of("result 41", r.schedules()), r.counts(), r.text());
        assertTrue(r.races().isEmpty(), r.text());

        Explore<Counter> lost = Explore.of(Counter::new)
                .thread(c -> {
                    CompletableFuture<Void> one = CompletableFuture.runAsync(() -> c.v++);
                    CompletableFuture<Void> two = CompletableFuture.runAsync(() -> c.v++);
                    CompletableFuture.allOf(one, two).join();
                })
                .after(c -> c.v);
        ExploreResult bad = lost.explore();
        assertEquals(java.util.Set.of("result 1", "result 2"), bad.counts().keySet(), bad.text());
        replays(bad, bad.outcome("result 1"), lost);
    }
}
