package racecourse.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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

    /** Every schedule of {@code program}, each reduced to its trace's normal form. */
    static Set<String> traces(Explore<?> program) throws Exception {
        Program p = program.program();
        DepthFirst all = new DepthFirst(false, -1);
        Set<String> forms = new HashSet<>();
        try (WorkerPool pool = new WorkerPool()) {
            while (all.hasNext()) {
                List<Integer> who = new ArrayList<>();
                List<Op> what = new ArrayList<>();
                Chooser recording = (run, depth, current, enabled) -> {
                    int c = all.choose(run, depth, current, enabled);
                    if (c >= 0) {
                        who.add(c);
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

    private static String normalForm(List<Integer> who, List<Op> what) {
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
                if (ready && (best < 0 || who.get(j) < who.get(best))) best = j;
            }
            done[best] = true;
            out.append((char) ('A' + who.get(best)));
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
     * With a fixed pool the reductions find every outcome but fewer complete schedules than there are traces (48
     * traces; 32 with sleep sets alone, 16 with source sets): a known gap, kept visible here.
     */
    @Test
    void fixedPoolCountsFallShortOfTheTraces() throws Exception {
        Explore<Box> pool = Explore.of(Box::new)
                .thread(b -> { var p = java.util.concurrent.Executors.newFixedThreadPool(2);
                    var f = p.submit(() -> b.v = 1); var g = p.submit(() -> b.a = b.v);
                    f.get(); g.get(); b.c = b.v; p.shutdown(); })
                .thread(b -> b.v = 2).after(b -> b.v + "," + b.a + "," + b.c);
        assertEquals(48, traces(pool).size());
        assertEquals(32, pool.explore(ExploreOptions.defaults()).schedules());
        assertEquals(16, pool.explore(ExploreOptions.defaults().withStrategy("source")).schedules());
    }
}
