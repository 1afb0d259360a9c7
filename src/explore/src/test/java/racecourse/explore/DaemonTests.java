package racecourse.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import racecourse.explore.program.MainProgram;
import racecourse.explore.report.ExploreResult;

/**
 * A thread's daemon flag under the explorer is the program's, never that of the explorer's own threads: the program
 * waits for a non-daemon thread it did not join, and ends without waiting for a daemon one.
 */
class DaemonTests {
    private static final ExploreOptions ALL = ExploreOptions.defaults().withStrategy("exhaustive");

    private static ExploreResult explore(Class<?> main) throws Exception {
        var p = new MainProgram(DaemonTests.class.getClassLoader(), main.getName(), new String[0]);
        return Explorer.explore(p, ALL, "%s");
    }

    @Test
    void aThreadNobodyJoinsStillRunsToItsEnd() throws Exception {
        ExploreResult r = explore(Unjoined.class);
        assertTrue(r.counts().keySet().stream().allMatch(k -> k.contains("IllegalStateException")),
                "the program waits for its non-daemon thread in every schedule: " + r.text());
    }

    @Test
    void theProgramDoesNotWaitForADaemonThread() throws Exception {
        ExploreResult r = explore(Daemon.class);
        assertTrue(r.counts().containsKey("result printed \"daemon true\""), r.text());
    }

    @Test
    void aDaemonStartedLastMayStillRunBeforeTheEnd() throws Exception {
        ExploreResult r = explore(Daemon.class);
        assertTrue(r.counts().keySet().stream().anyMatch(k -> k.contains("IllegalStateException")),
                "the daemon may run to its end before the program does: " + r.text());
        ExploreResult last = explore(LastDaemon.class);
        assertEquals(2, last.counts().size(), last.text());
        assertTrue(last.counts().containsKey("result printed \"daemon ran\""), last.text());
        String cut = last.counts().keySet().stream().filter(k -> !k.contains("daemon ran")).findFirst().orElseThrow();
        assertTrue(last.outcome(cut).witness().endsWith("end"), "the end comes before the daemon's step: "
                + last.text());
        var p = new MainProgram(DaemonTests.class.getClassLoader(), LastDaemon.class.getName(), new String[0]);
        ExploreResult again = Explorer.explore(p, ALL.withReplay(last.outcome(cut).witness()), "%s");
        assertEquals(java.util.Set.of(cut), again.counts().keySet(), again.text());
        var early = new MainProgram(DaemonTests.class.getClassLoader(), LastDaemon.class.getName(), new String[0]);
        ExploreResult bad = Explorer.explore(early, ALL.withReplay("end"), "%s");
        assertTrue(bad.text().contains("the program cannot end here"), bad.text());
    }

    /** A daemon of k write steps started as the last step: the end comes before none, one, ..., all of them. */
    @Test
    void aDaemonOfKStepsStartedLastHasKPlusOneTraces() throws Exception {
        for (int k = 1; k <= 4; k++) {
            int steps = k;
            Explore<int[]> p = Explore.of(() -> new int[1]).thread(b -> {
                Thread t = new Thread(() -> { for (int i = 1; i <= steps; i++) b[0] = i; });
                t.setDaemon(true);
                t.start();
            }).after(b -> b[0]);
            for (String strategy : new String[] {"exhaustive", "dpor", "source"}) {
                ExploreResult r = p.explore(ExploreOptions.defaults().withStrategy(strategy));
                assertEquals(k + 1, r.schedules(), strategy + " " + r.text());
                assertEquals(k + 1, r.counts().size(), strategy + " " + r.text());
            }
            assertEquals(k + 1, TraceCountTests.traces(p).size());
        }
    }

    @Test
    void aThreadStartedByADaemonThreadIsADaemonToo() throws Exception {
        ExploreResult r = explore(Inherited.class);
        assertEquals(1, r.counts().size(), r.text());
        assertTrue(r.text().contains("inner daemon true"), r.text());
    }

    @Test
    void aPlatformBuildersDaemonFlagIsTheThreads() throws Exception {
        ExploreResult r = explore(BuiltDaemon.class);
        assertTrue(r.counts().containsKey("result printed \"daemon true\""), r.text());
        ExploreResult plain = explore(BuiltPlain.class);
        assertTrue(plain.counts().keySet().stream().allMatch(k -> k.contains("IllegalStateException")),
                "daemon(false) makes a thread the program waits for: " + plain.text());
    }

    /** A daemon thread made by {@code Thread.ofPlatform().daemon(true)}. */
    static final class BuiltDaemon {
        static int x;

        public static void main(String[] args) {
            Thread t = Thread.ofPlatform().daemon(true).unstarted(() -> {
                x = 1;
                if (x == 1) throw new IllegalStateException("the thread ran to its end");
            });
            System.out.println("daemon " + t.isDaemon());
            t.start();
        }
    }

    /** The same with {@code daemon(false)}, started by a daemon thread (which would otherwise pass its kind on). */
    static final class BuiltPlain {
        static int x;

        public static void main(String[] args) throws InterruptedException {
            Thread outer = new Thread(() -> Thread.ofPlatform().daemon(false).start(() -> {
                x = 1;
                if (x == 1) throw new IllegalStateException("the thread ran to its end");
            }));
            outer.setDaemon(true);
            outer.start();
            outer.join();
        }
    }

    /** Starts a thread that fails, and never joins it. */
    static final class Unjoined {
        static int x;

        public static void main(String[] args) {
            Thread t = new Thread(() -> {
                x = 1;
                if (x == 1) throw new IllegalStateException("the thread ran to its end");
            });
            System.out.println("daemon " + t.isDaemon());
            t.start();
        }
    }

    /** The same with a daemon thread. */
    static final class Daemon {
        static int x;

        public static void main(String[] args) {
            Thread t = new Thread(() -> {
                x = 1;
                if (x == 1) throw new IllegalStateException("the thread ran to its end");
            });
            t.setDaemon(true);
            System.out.println("daemon " + t.isDaemon());
            t.start();
        }
    }

    /** A daemon that never stops is cut off by the end at the step limit, never reported as a livelock. */
    @Test
    void anEndlessDaemonIsCutOffNotALivelock() throws Exception {
        Explore<int[]> p = Explore.of(() -> new int[1]).thread(b -> {
            Thread t = new Thread(() -> { while (true) b[0]++; });
            t.setDaemon(true);
            t.start();
        }).after(b -> b[0] > 0 ? "ran" : "cut off at once");
        ExploreResult r = p.explore(ALL.withMaxSteps(40));
        assertTrue(r.complete(), r.text());
        assertEquals(java.util.Set.of("result ran", "result cut off at once"), r.counts().keySet(), r.text());
    }

    /** A daemon thread started as main's last step, whose one write step comes before its print. */
    static final class LastDaemon {
        static int x;

        public static void main(String[] args) {
            Thread t = new Thread(() -> {
                x = 1;
                System.out.print("daemon ran");
            });
            t.setDaemon(true);
            t.start();
        }
    }

    /** A daemon thread makes a thread, which inherits the flag. */
    static final class Inherited {
        public static void main(String[] args) throws InterruptedException {
            Thread outer = new Thread(() -> System.out.println("inner daemon " + new Thread(() -> { }).isDaemon()));
            outer.setDaemon(true);
            outer.start();
            outer.join();
        }
    }
}
