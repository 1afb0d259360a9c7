package racecourse.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.SynchronousQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import racecourse.explore.program.MainProgram;
import racecourse.explore.report.ExploreResult;
import racecourse.explore.report.Outcome;
import racecourse.explore.sched.Ending;

/** Programs that misbehave get a clear outcome, with the schedule, and the explorer carries on. */
class BadInputTests {
    static final class Box {
        int v;
        boolean flag;
        volatile boolean ready;
        final Object a = new Object();
        final Object b = new Object();
        final ReentrantLock la = new ReentrantLock();
        final ReentrantLock lb = new ReentrantLock();
    }

    private static Outcome only(ExploreResult r, Ending.Kind kind) {
        Outcome o = r.outcomes().stream().filter(x -> x.kind() == kind).findFirst().orElse(null);
        assertNotNull(o, "expected a " + kind + " outcome:\n" + r.text());
        return o;
    }

    @Test
    void endlessLoopHitsTheStepLimit() {
        ExploreResult r = Explore.of(Box::new)
                .thread(b -> { while (true) b.v++; })
                .thread(b -> b.flag = true)
                .explore(ExploreOptions.defaults().withMaxSteps(500).withSchedules(5));
        Outcome o = only(r, Ending.Kind.STEP_LIMIT);
        assertEquals("livelock or endless loop", o.label());
        assertTrue(o.detail().contains("thread A"), o.detail());
        assertTrue(o.detail().contains("BadInputTests.java:"), o.detail());
    }

    @Test
    void correctSpinWaitsAreNotLivelocks() {
        ExploreResult r = Explore.of(Box::new)
                .thread(b -> { while (!b.ready) Thread.onSpinWait(); b.v = 1; })
                .thread(b -> { while (!b.flag) { } b.v = 2; })
                .thread(b -> { b.ready = true; b.flag = true; })
                .explore(ExploreOptions.defaults().withMaxSteps(2_000));
        assertFalse(r.failed(), r.text());
        assertTrue(r.complete(), r.text());
    }

    @Test
    void systemExitEndsTheScheduleNotTheExplorer() {
        ExploreResult r = Explore.of(Box::new)
                .thread(b -> { if (b.v == 1) System.exit(3); })
                .thread(b -> b.v = 1)
                .explore();
        Outcome o = only(r, Ending.Kind.EXIT);
        assertEquals("System.exit(3)", o.label());
        assertEquals("B A", o.witness());
        assertTrue(r.counts().containsKey("ran to the end"), r.text());
    }

    @Test
    void threadBombStopsAtTheCap() {
        ExploreResult r = Explore.of(Box::new)
                .thread(b -> { for (int i = 0; i < 100; i++) new Thread(() -> { }).start(); })
                .explore(ExploreOptions.defaults().withSchedules(3));
        Outcome o = only(r, Ending.Kind.THREAD_CAP);
        assertTrue(o.label().contains("63"), o.label());
    }

    @Test
    void unmodelledBlockingIsReportedNotHung() {
        ExploreResult r = Explore.of(Box::new)
                .thread(b -> new SynchronousQueue<String>().put("x"))
                .explore();
        Outcome o = only(r, Ending.Kind.UNSUPPORTED);
        assertTrue(o.label().contains("SynchronousQueue"), o.label());
        assertFalse(r.stopReason().isEmpty());
    }

    @Test
    void exceptionInAThreadIsAnOutcome() {
        ExploreResult r = Explore.of(Box::new)
                .thread(b -> { if (b.v == 0) throw new IllegalStateException("boom"); })
                .thread(b -> b.v = 1)
                .explore();
        Outcome o = only(r, Ending.Kind.FAILURE);
        assertTrue(o.label().startsWith("IllegalStateException: boom"), o.label());
        assertTrue(o.detail().contains("thread A"), o.detail());
    }

    @Test
    void monitorDeadlockNamesEveryThreadAndLock() {
        ExploreResult r = Explore.of(Box::new)
                .thread(b -> { synchronized (b.a) { synchronized (b.b) { b.v++; } } })
                .thread(b -> { synchronized (b.b) { synchronized (b.a) { b.v++; } } })
                .explore();
        Outcome o = only(r, Ending.Kind.DEADLOCK);
        assertTrue(o.detail().contains("thread A: waiting to lock"), o.detail());
        assertTrue(o.detail().contains("held by B"), o.detail());
        assertTrue(o.detail().contains("thread B: waiting to lock"), o.detail());
        assertTrue(r.counts().containsKey("ran to the end"), r.text());
    }

    @Test
    void deadlockReportNamesLocksAsTheReplayedStepsDo() {
        Explore.Action<Box> ab = b -> { synchronized (b.a) { synchronized (b.b) { b.v++; } } };
        Explore.Action<Box> ba = b -> { b.lb.lock(); b.la.lock(); b.la.unlock(); b.lb.unlock(); };
        for (ExploreResult r : List.of(
                Explore.of(Box::new).thread(ab).thread(b -> { synchronized (b.b) { synchronized (b.a) { b.v++; } } })
                        .explore(),
                Explore.of(Box::new).thread(b -> { b.la.lock(); b.lb.lock(); b.lb.unlock(); b.la.unlock(); })
                        .thread(ba).explore())) {
            Outcome o = only(r, Ending.Kind.DEADLOCK);
            for (String line : o.detail().lines().filter(l -> l.startsWith("thread ")).toList()) {
                String who = line.substring("thread ".length(), line.indexOf(':'));
                Matcher held = Pattern.compile("holds (\\w+#\\d+)").matcher(line);
                Matcher wanted = Pattern.compile("waiting to lock (\\w+#\\d+) \\(held by (\\w)\\)").matcher(line);
                assertTrue(held.find() && wanted.find(), line);
                assertTrue(o.steps().stream().anyMatch(s -> s.startsWith(who + ": ") && s.contains("lock") && s.contains(held.group(1) + " ")),
                        "the lock " + who + " holds, " + held.group(1) + ", is the one its steps took:\n" + o.steps());
                assertTrue(o.steps().stream().anyMatch(s -> s.startsWith(wanted.group(2) + ": ")
                        && s.contains("lock") && s.contains(wanted.group(1) + " ")), "the lock " + who + " waits for, " + wanted.group(1)
                        + ", is the one " + wanted.group(2) + " took:\n" + o.steps());
            }
        }
    }

    @Test
    void lockDeadlockIsFoundToo() {
        ExploreResult r = Explore.of(Box::new)
                .thread(b -> { b.la.lock(); b.lb.lock(); b.lb.unlock(); b.la.unlock(); })
                .thread(b -> { b.lb.lock(); b.la.lock(); b.la.unlock(); b.lb.unlock(); })
                .explore();
        Outcome o = only(r, Ending.Kind.DEADLOCK);
        assertTrue(o.detail().contains("holds ReentrantLock"), o.detail());
    }

    @Test
    void programWithoutThreadsRunsOnce() throws Exception {
        ExploreResult r = Explorer.explore(new MainProgram(getClass().getClassLoader(), Alone.class.getName(),
                new String[0]), ExploreOptions.defaults().withStrategy("random"), "%s");
        assertEquals(1, r.schedules());
        assertTrue(r.note().contains("started no others"), r.text());
        assertEquals("result printed \"hello\"", r.outcomes().get(0).label());
    }

    /** A program that starts no thread. */
    static final class Alone {
        static int n;

        public static void main(String[] args) {
            n++;
            System.out.println("hello");
        }
    }
}
