package racecourse.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import racecourse.explore.report.ExploreResult;

/** Exact schedule counts on straight-line programs, with and without reduction. */
class CountTests {
    static final class Box {
        int v;
        int ta;
        int tb;
        int a;
        int b;
        int c;
    }

    private static final ExploreOptions ALL = ExploreOptions.defaults().withStrategy("exhaustive");
    private static final ExploreOptions TRACES = ExploreOptions.defaults().withStrategy("dpor");

    private static Explore<Box> readThenWrite() {
        return Explore.of(Box::new)
                .thread(b -> { int x = b.v; b.v = x + 1; })
                .thread(b -> { int x = b.v; b.v = x + 1; })
                .after(b -> b.v);
    }

    @Test
    void twoReadThenWritesHaveSixSchedules() {
        ExploreResult r = readThenWrite().explore(ALL);
        assertEquals(6, r.schedules(), r.text());
        assertEquals(4, r.outcome("result 1").schedules());
        assertEquals(2, r.outcome("result 2").schedules());
        assertTrue(r.complete());
        assertEquals(0, r.outcome("result 2").preemptions());
    }

    @Test
    void reductionRunsOneSchedulePerTrace() {
        // The two reads commute, so ABAB ~ BAAB and ABBA ~ BABA: 4 traces.
        ExploreResult r = readThenWrite().explore(TRACES);
        assertEquals(4, r.schedules(), r.text());
        assertEquals(2, r.outcome("result 1").schedules());
        assertEquals(2, r.outcome("result 2").schedules());
    }

    @Test
    void incrementAsLoadAddStoreHasTwentySchedules() {
        // load v, store the sum in a private field, store v: C(6,3) = 20, and v = 2 only when one runs entirely first.
        ExploreResult r = Explore.of(Box::new)
                .thread(b -> b.v = (b.ta = b.v + 1))
                .thread(b -> b.v = (b.tb = b.v + 1))
                .after(b -> b.v)
                .explore(ALL);
        assertEquals(20, r.schedules(), r.text());
        assertEquals(18, r.outcome("result 1").schedules());
        assertEquals(2, r.outcome("result 2").schedules());
    }

    @Test
    void twoThreadsOfSixWritesHave924Schedules() {
        Explore.Action<Box> six = b -> { b.v = 1; b.v = 2; b.v = 3; b.v = 4; b.v = 5; b.v = 6; };
        ExploreResult r = Explore.of(Box::new).thread(six).thread(six).explore(ALL);
        assertEquals(924, r.schedules(), r.text()); // 12! / (6! 6!)
    }

    @Test
    void threeThreadsOfTwoWritesHave90Schedules() {
        Explore.Action<Box> two = b -> { b.v = 1; b.v = 2; };
        ExploreResult r = Explore.of(Box::new).thread(two).thread(two).thread(two).explore(ALL);
        assertEquals(90, r.schedules(), r.text()); // 6! / (2! 2! 2!)
    }

    @Test
    void disjointThreadsHaveOneTrace() {
        ExploreResult r = Explore.of(Box::new)
                .thread(b -> { b.a = 1; b.a = 2; b.a = 3; b.a = 4; b.a = 5; b.a = 6; })
                .thread(b -> { b.b = 1; b.b = 2; b.b = 3; b.b = 4; b.b = 5; b.b = 6; })
                .thread(b -> { b.c = 1; b.c = 2; b.c = 3; b.c = 4; b.c = 5; b.c = 6; })
                .explore(TRACES);
        assertEquals(1, r.schedules(), r.text());
        assertTrue(r.complete());
    }

    @Test
    void oneSharedWriteEachHasSixTraces() {
        ExploreResult r = Explore.of(Box::new)
                .thread(b -> { b.a = 1; b.a = 2; b.v = 1; b.a = 3; b.a = 4; b.a = 5; })
                .thread(b -> { b.b = 1; b.b = 2; b.v = 2; b.b = 3; b.b = 4; b.b = 5; })
                .thread(b -> { b.c = 1; b.c = 2; b.v = 3; b.c = 3; b.c = 4; b.c = 5; })
                .after(b -> b.v)
                .explore(TRACES);
        assertEquals(6, r.schedules(), r.text()); // 3!: the order of the three writes of v
        assertEquals(2, r.outcome("result 1").schedules());
        assertEquals(2, r.outcome("result 2").schedules());
        assertEquals(2, r.outcome("result 3").schedules());
    }

    @Test
    void preemptionBoundCountsEachScheduleOnce() {
        ExploreResult r = readThenWrite().explore(ALL.withBound(0));
        assertEquals(2, r.schedules(), r.text()); // AABB and BBAA
        ExploreResult all = readThenWrite().explore(ALL.withBound(5));
        assertEquals(6, all.schedules(), all.text());
    }

    @Test
    void mainStartedProgramAddsStartAndJoinSteps() throws Exception {
        // main: start B, start C, join B, join C, read v; B and C read then write v. Linear extensions: 19.
        var p = new racecourse.explore.program.MainProgram(CountTests.class.getClassLoader(),
                StartJoin.class.getName(), new String[0]);
        ExploreResult r = Explorer.explore(p, ALL, "%s");
        assertEquals(19, r.schedules(), r.text());
        assertTrue(r.counts().containsKey("result printed \"1\""), r.text());
        assertTrue(r.counts().containsKey("result printed \"2\""), r.text());
    }

    /** A program started from main. */
    static final class StartJoin {
        static int v;

        static void inc() {
            int r = v;
            v = r + 1;
        }

        public static void main(String[] args) throws InterruptedException {
            Thread b = new Thread(StartJoin::inc);
            Thread c = new Thread(StartJoin::inc);
            b.start();
            c.start();
            b.join();
            c.join();
            System.out.println(v);
        }
    }

    @Test
    void sameSeedSameSchedules() {
        ExploreResult a = readThenWrite().explore(ExploreOptions.defaults().withStrategy("random").withSchedules(30).withSeed(7));
        ExploreResult b = readThenWrite().explore(ExploreOptions.defaults().withStrategy("random").withSchedules(30).withSeed(7));
        assertEquals(a.counts(), b.counts());
        assertEquals(a.outcomes().stream().map(o -> o.witness()).toList(), b.outcomes().stream().map(o -> o.witness()).toList());
    }

    @Test
    void playRunsTheGivenSchedule() {
        ExploreResult r = readThenWrite().play("A B A B");
        assertEquals(1, r.schedules());
        assertEquals("A B A B", r.outcomes().get(0).witness());
        assertEquals("result 1", r.outcomes().get(0).label());
        ExploreResult bad = readThenWrite().play("A A A");
        assertTrue(bad.witness().detail().contains("step 3: thread A cannot run"), bad.text());
    }
}
