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
