package racecourse.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import racecourse.explore.program.Program;
import racecourse.explore.report.ExploreResult;
import racecourse.explore.sched.Chooser;
import racecourse.explore.sched.Op;
import racecourse.explore.sched.Run;
import racecourse.explore.sched.WorkerPool;
import racecourse.explore.strategy.DepthFirst;

/**
 * The number of traces, counted the slow way: run every schedule, write each as its trace's normal form (at each
 * point, the lowest thread whose next step waits for no earlier dependent step), and count the distinct forms.
 */
class TraceCountTests {
    static final class Box {
        int v;
        int a;
        int c;
    }

    /**
     * Every schedule of {@code program}, each reduced to its trace's normal form. A thread is named by who started
     * it and when (the second thread that thread A started is "A.2"), not by its number: two starts that commute
     * number their threads in either order, and both orders are one trace.
     */
    static Set<String> traces(Explore<?> program) throws Exception {
        return traces(program, new DepthFirst(false, -1));
    }

    /** The normal forms of the schedules that {@code all} runs to their end (dropped ones included). */
    static Set<String> traces(Explore<?> program, DepthFirst all) throws Exception {
        Program p = program.program();
        Set<String> forms = new HashSet<>();
        try (WorkerPool pool = new WorkerPool()) {
            while (all.hasNext()) {
                List<String> who = new ArrayList<>();
                List<Op> what = new ArrayList<>();
                List<String> names = new ArrayList<>();
                Map<String, Integer> children = new HashMap<>();
                Chooser recording = (run, depth, current, enabled) -> {
                    String parent = who.isEmpty() ? null : who.getLast();
                    while (names.size() < run.threadCount()) {
                        names.add(parent == null ? String.valueOf((char) ('A' + names.size()))
                                : parent + "." + children.merge(parent, 1, Integer::sum));
                    }
                    int c = all.choose(run, depth, current, enabled);
                    if (c >= 0) {
                        who.add(c == Run.END ? "end" : names.get(c));
                        what.add(run.pending(c));
                    }
                    return c;
                };
                Run run = new Run(ExploreOptions.defaults().runConfig(false), recording, pool);
                var ending = run.execute(p.prepare().starts());
                all.done(run, ending);
                forms.add(normalForm(who, what));
            }
        } finally {
            p.close();
        }
        return forms;
    }

    private static String normalForm(List<String> who, List<Op> what) {
        int n = who.size();
        boolean[] done = new boolean[n];
        StringBuilder out = new StringBuilder();
        for (int emitted = 0; emitted < n; emitted++) {
            int best = -1;
            for (int j = 0; j < n; j++) {
                if (done[j]) continue;
                boolean ready = true;
                for (int i = 0; i < j && ready; i++) {
                    if (!done[i] && (who.get(i).equals(who.get(j)) || what.get(i) != null && what.get(j) != null
                            && what.get(i).dependent(what.get(j)))) {
                        ready = false;
                    }
                }
                if (ready && (best < 0 || who.get(j).compareTo(who.get(best)) < 0)) best = j;
            }
            done[best] = true;
            out.append(who.get(best)).append(' ');
        }
        return out.toString();
    }

    @Test
    void reductionsCompleteOneScheduleForEachTrace() throws Exception {
        Explore.Action<Box> readWrite = b -> { int t = b.v; b.v = t + 1; };
        List<Explore<?>> programs = List.of(
                Explore.of(Box::new).thread(readWrite).thread(readWrite).after(b -> b.v),
                Explore.of(Box::new).thread(readWrite).thread(readWrite).thread(readWrite).after(b -> b.v),
                Explore.of(Box::new) // a thread that starts another and joins it, beside a plain write
                        .thread(b -> { Thread c = new Thread(() -> b.v = 5); c.start(); b.a = b.v; c.join(); b.c = b.v; })
                        .thread(b -> { b.v = 7; b.a = b.v; }).after(b -> b.v + "," + b.a + "," + b.c),
                Explore.of(Box::new) // monitors, with a lock-order deadlock
                        .thread(b -> { synchronized (b) { synchronized (Box.class) { b.v++; } } })
                        .thread(b -> { synchronized (Box.class) { synchronized (b) { b.v++; } } }).after(b -> b.v));
        for (Explore<?> program : programs) {
            int traces = traces(program).size();
            ExploreResult sleep = program.explore(ExploreOptions.defaults());
            ExploreResult source = program.explore(ExploreOptions.defaults().withStrategy("source"));
            assertEquals(traces, sleep.schedules(), sleep.text());
            assertEquals(traces, source.schedules(), source.text());
        }
    }

    /**
     * The executor and fork/join models: their task threads are daemons, so the step that ends the program cuts off
     * their remaining steps, and the reductions treat that step as dependent with them. A fixed pool and a joined
     * fork/join get exactly one schedule per trace (counts pinned, so a change of model shows up).
     */
    @Test
    void executorsAndForkJoinGetOneScheduleForEachTrace() throws Exception {
        Explore<Box> fixedPool = Explore.of(Box::new)
                .thread(b -> { var p = java.util.concurrent.Executors.newFixedThreadPool(2);
                    var f = p.submit(() -> b.v = 1); var g = p.submit(() -> b.a = b.v);
                    f.get(); g.get(); b.c = b.v; p.shutdown(); })
                .thread(b -> b.v = 2).after(b -> b.v + "," + b.a + "," + b.c);
        Explore<Box> forkJoin = Explore.of(Box::new) // a forked task, joined, beside a plain write
                .thread(b -> { var t = java.util.concurrent.ForkJoinTask.adapt(() -> { b.v = 1; }); t.fork(); t.join();
                    b.c = b.v; })
                .thread(b -> b.v = 2).after(b -> b.v + "," + b.c);
        assertExact(fixedPool, 48);
        assertExact(forkJoin, 3);
    }

    private static void assertExact(Explore<Box> program, int expectedTraces) throws Exception {
        int traces = traces(program).size();
        assertEquals(expectedTraces, traces);
        ExploreResult sleep = program.explore(ExploreOptions.defaults());
        ExploreResult source = program.explore(ExploreOptions.defaults().withStrategy("source"));
        assertEquals(traces, sleep.schedules(), sleep.text());
        assertEquals(traces, source.schedules(), source.text());
        assertEquals(sleep.counts().keySet(), source.counts().keySet());
    }

    /**
     * Daemon threads nobody waits for: the end of the program is a step of its own, taken once every non-daemon
     * thread has finished, that competes with each daemon step still to come and cuts them off. A forked task never
     * joined can run none, some or all of its steps after both threads end (14 traces, among them
     * {@code A A A B A.1 A.1} and {@code A A A B A.1 end}); two such tasks, and a daemon platform thread, likewise
     * get exactly one schedule per trace from both reductions.
     */
    @Test
    void unjoinedDaemonsGetOneScheduleForEachTrace() throws Exception {
        Explore<Box> forkNotJoined = Explore.of(Box::new)
                .thread(b -> { java.util.concurrent.ForkJoinTask.adapt(() -> { b.v = 1; }).fork(); b.a = b.v; })
                .thread(b -> b.v = 2).after(b -> b.v + "," + b.a);
        Set<String> forms = traces(forkNotJoined);
        assertTrue(forms.contains("A A A B A.1 A.1 ") && forms.contains("A A A B A.1 end "), forms.toString());
        assertExact(forkNotJoined, 14);
        Explore<Box> twoForks = Explore.of(Box::new)
                .thread(b -> { java.util.concurrent.ForkJoinTask.adapt(() -> { b.v = 1; }).fork();
                    java.util.concurrent.ForkJoinTask.adapt(() -> { b.c = b.v; }).fork(); b.a = b.v; })
                .thread(b -> b.v = 2).after(b -> b.v + "," + b.a + "," + b.c);
        assertExact(twoForks, TWO_FORKS);
        Explore<Box> daemonThread = Explore.of(Box::new)
                .thread(b -> { Thread t = new Thread(() -> { b.v = 1; b.a = b.v; }); t.setDaemon(true); t.start();
                    b.c = b.v; })
                .thread(b -> b.v = 2).after(b -> b.v + "," + b.a + "," + b.c);
        assertExact(daemonThread, DAEMON_THREAD);
    }

    private static final int TWO_FORKS = 134;
    private static final int DAEMON_THREAD = 26;
}
