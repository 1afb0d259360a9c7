package racecourse.stress.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import racecourse.stress.Stress;
import racecourse.stress.StressOptions;
import racecourse.stress.StressResult;
import racecourse.stress.Verdict;
import racecourse.stress.fixtures.Fixtures;

class EngineTests {
    private static StressOptions quick() {
        return StressOptions.defaults().progress(false).warmup(Duration.ofMillis(20)).time(Duration.ofMillis(300)).seed(7);
    }

    @Test
    void everySampleIsCountedExactlyOnce() {
        StressResult r = Stress.run(Fixtures.Constant.class, quick());
        assertTrue(r.samples() > 10_000, r::report);
        assertEquals(r.samples(), r.count("1"), r::report);
        assertEquals(Verdict.OK, r.verdict());
    }

    @Test
    void forbiddenOutcomeGivesForbiddenVerdict() {
        StressResult r = Stress.run(Fixtures.AlwaysForbidden.class, quick());
        assertEquals(r.samples(), r.count("true, false"), r::report);
        assertEquals(Verdict.FORBIDDEN, r.verdict());
    }

    @Test
    void undeclaredOutcomeCountsAsForbidden() {
        StressResult r = Stress.run(Fixtures.Undeclared.class, quick());
        assertEquals(r.samples(), r.count("7, 8"), r::report);
        assertEquals(Verdict.FORBIDDEN, r.verdict());
        assertEquals(0, r.count("0, 0"));
        assertTrue(r.outcomes().stream().anyMatch(o -> o.id().equals("0, 0")), "declared literal ids are listed");
    }

    @Test
    void threeActorsOnTwoCoresRunWithStateParameterAndPatterns() {
        StressResult r = Stress.run(Fixtures.ThreeActors.class, quick().cores(2));
        long matched = r.count("1, 1, 0") + r.count("1, 1, 1");
        assertEquals(r.samples(), matched, r::report);
        assertTrue(r.seen("1, 1, 0") && r.seen("1, 1, 1"), "actor c ran both before and after actor b\n" + r.report());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("3 actors share 2 worker threads")), r.warnings()::toString);
    }

    @Test
    void notATestIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Stress.run(Fixtures.NotATest.class, quick()));
        assertTrue(e.getMessage().contains("not a jcstress test"), e.getMessage());
    }

    @Test
    void actorExceptionIsReported() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Stress.run(Fixtures.Throws.class, quick()));
        assertTrue(e.getCause() instanceof ArithmeticException, String.valueOf(e.getCause()));
    }

    @Test
    void generatedLoopsAreHiddenClasses() {
        TestModel m = ReflectiveModel.of(Fixtures.Constant.class);
        assertTrue(LoopSpinner.callLoop(m.actors().getFirst()).getClass().isHidden());
        assertTrue(LoopSpinner.fillLoop(m.newState(), m.newResult()).getClass().isHidden());
    }

    /** Budget: the run is asked for 60 s and interrupted after 300 ms; it must return within 5 s. */
    @Test
    void interruptStopsPromptlyAndKeepsCounts() throws Exception {
        StressResult[] holder = new StressResult[1];
        boolean[] flag = new boolean[1];
        Thread runner = new Thread(() -> {
            holder[0] = Stress.run(Fixtures.Constant.class, quick().time(Duration.ofSeconds(60)));
            flag[0] = Thread.currentThread().isInterrupted();
        });
        long t0 = System.nanoTime();
        runner.start();
        Thread.sleep(300);
        runner.interrupt();
        runner.join(5_000);
        long took = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(!runner.isAlive(), "still running after " + took + " ms");
        assertTrue(holder[0].interrupted());
        assertTrue(flag[0], "the interrupt status is restored");
        assertEquals(holder[0].samples(), holder[0].count("1"));
        assertTrue(took < 5_000);
    }

    @Test
    void untilSeenStopsEarly() {
        StressResult r = Stress.run(Fixtures.Constant.class, quick().time(Duration.ofSeconds(30)).untilSeen("1"));
        assertTrue(r.wallTime().toMillis() < 10_000, r::report);
        assertTrue(r.seen("1"));
    }

    @Test
    void classesFromAnotherLoaderRun() throws Exception {
        // Load a fixture through a fresh loader, as JShell defines classes in its own loader.
        var loc = Fixtures.class.getProtectionDomain().getCodeSource().getLocation();
        try (var loader = new java.net.URLClassLoader(new java.net.URL[] {loc}, Fixtures.class.getClassLoader().getParent()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.startsWith("racecourse.stress.fixtures.")) {
                    synchronized (getClassLoadingLock(name)) {
                        Class<?> c = findLoadedClass(name);
                        return c != null ? c : findClass(name);
                    }
                }
                return Fixtures.class.getClassLoader().loadClass(name);
            }
        }) {
            Class<?> c = loader.loadClass("racecourse.stress.fixtures.Fixtures$Constant");
            assertTrue(c != Fixtures.Constant.class);
            StressResult r = Stress.run(c, quick());
            assertEquals(r.samples(), r.count("1"));
        }
    }
}
