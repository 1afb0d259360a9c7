package racecourse.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import racecourse.explore.report.ExploreResult;
import racecourse.race.DataRace;
import racecourse.race.edges.Session;
import racecourse.race.edges.Tracker;
import racecourse.race.instrument.ClassInstrumenter;
import racecourse.race.instrument.Hierarchy;
import racecourse.race.report.RaceLog;
import racecourse.race.report.RaceText;

/**
 * The explorer's race check is the detector's: a race the detector reports on real threads is reported on the
 * explored schedules with the same variable and the same pair of places.
 */
class SharedRaceCheckTests {
    /** A counter bumped without a lock: a read on one line, the write on the next. */
    public static final class Counter {
        public int value;

        /** Adds one, unsafely. */
        public void add() {
            int v = value;
            value = v + 1;
        }
    }

    /** Runs two threads that call {@code add} on one Counter, instrumented and watched by the detector. */
    private static List<DataRace> detector() throws Exception {
        ClassLoader parent = SharedRaceCheckTests.class.getClassLoader();
        String name = Counter.class.getName();
        ClassLoader loader = new ClassLoader(parent) {
            @Override
            protected Class<?> loadClass(String n, boolean resolve) throws ClassNotFoundException {
                if (!n.equals(name)) return super.loadClass(n, resolve);
                synchronized (getClassLoadingLock(n)) {
                    Class<?> c = findLoadedClass(n);
                    if (c == null) {
                        byte[] out = new ClassInstrumenter(this, true)
                                .instrument(Hierarchy.bytes(parent, n.replace('.', '/')));
                        c = defineClass(n, out, 0, out.length);
                    }
                    return c;
                }
            }
        };
        Class<?> type = loader.loadClass(name);
        Object counter = type.getConstructor().newInstance();
        var add = type.getMethod("add");
        Session session = new Session(new RaceLog(10, null, null, null));
        Tracker.begin(session);
        try {
            Runnable body = () -> {
                try {
                    add.invoke(counter);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            };
            Thread a = new Thread(body);
            Thread b = new Thread(body);
            a.start();
            b.start();
            a.join();
            b.join();
        } finally {
            Tracker.end();
        }
        return session.log().races();
    }

    @Test
    void theExplorerReportsTheDetectorsRaceWithTheSameVariableAndPlaces() throws Exception {
        List<DataRace> found = detector();
        assertFalse(found.isEmpty(), "the detector sees the unordered accesses of two threads");
        ExploreResult r = Explore.of(Counter::new).thread(Counter::add).thread(Counter::add).explore();
        Set<String> explored = r.races().stream().map(ExploreResult.Race::description).collect(Collectors.toSet());
        for (DataRace d : found) {
            assertEquals("SharedRaceCheckTests.Counter.value", d.variable());
            assertTrue(explored.contains(RaceText.line(d)), RaceText.line(d) + " among " + explored);
        }
        assertTrue(explored.stream().allMatch(s -> s.startsWith("data race on SharedRaceCheckTests.Counter.value: ")),
                explored.toString());
    }
}
