package racecourse.race.edges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import racecourse.race.report.RaceLog;

/**
 * A thread that exits a monitor and enters it again with nothing in between keeps its epoch (lock coarsening),
 * and only then: another thread taking the monitor, an access, another monitor, a nested monitor taken by
 * someone else, {@code wait} or a lock call on the same object each keep the two sections apart.
 *
 * <p>Each test drives the hooks by hand from two threads, one step at a time, so the schedule is forced: the
 * detector sees only the edges the hooks make, and the test's own hand-offs between steps are invisible to it.
 */
class MonitorCoarseningTests {
    private ExecutorService a;
    private ExecutorService b;
    private ExecutorService c;
    private Session s;

    /** An object that keeps its history itself, as instrumented classes do. */
    static final class Box implements ShadowHolder {
        int x;
        private volatile Object slot;

        @Override
        public Object $race$get() {
            return slot;
        }

        @Override
        public void $race$set(Object state) {
            slot = state;
        }
    }

    private static int site(boolean write) throws NoSuchFieldException {
        return Sites.register(Site.FIELD, write, Box.class.getName(), "test", "MonitorCoarseningTests.java", 1,
                Box.class.getName().replace('.', '/'), "x", 0, null, Box.class.getClassLoader(),
                FieldInfo.of(Box.class.getDeclaredField("x")));
    }

    private static int callSite(String owner, String name, int flags) {
        return Sites.register(Site.CALL, false, MonitorCoarseningTests.class.getName(), "test",
                "MonitorCoarseningTests.java", 1, owner, name, flags, null,
                MonitorCoarseningTests.class.getClassLoader(), null);
    }

    private final Box box = new Box();
    private int write;
    private int read;

    @BeforeEach
    void start() throws Exception {
        write = site(true);
        read = site(false);
        // the workers exist before the session starts, so none inherits a clock from this thread
        a = Executors.newSingleThreadExecutor();
        b = Executors.newSingleThreadExecutor();
        c = Executors.newSingleThreadExecutor();
        for (ExecutorService e : new ExecutorService[] {a, b, c}) {
            e.submit(() -> { }).get(30, TimeUnit.SECONDS);
        }
        s = new Session(new RaceLog(10, null, null, null));
        Tracker.begin(s);
    }

    @AfterEach
    void stop() {
        Tracker.end();
        a.shutdownNow();
        b.shutdownNow();
        c.shutdownNow();
    }

    /** Runs one step on {@code worker} and waits for it. */
    private static <T> T on(ExecutorService worker, java.util.concurrent.Callable<T> step) throws Exception {
        return worker.submit(step).get(30, TimeUnit.SECONDS);
    }

    private static void on(ExecutorService worker, Runnable step) throws Exception {
        worker.submit(step).get(30, TimeUnit.SECONDS);
    }

    private long epoch() {
        return Hooks.state(s).epoch;
    }

    private int races() {
        return s.log().count();
    }

    @Test
    void reenteringTheMonitorLeftLastKeepsTheEpochAndStillOrdersTheNextOwner() throws Exception {
        Object lock = new Object();
        long[] epochs = on(a, () -> {
            Hooks.monitorEnter(lock);
            Hooks.putField(box, write);
            long before = epoch();
            Hooks.monitorExit(lock);
            long between = epoch();
            Hooks.monitorEnter(lock);
            long after = epoch();
            Hooks.getField(box, read);
            Hooks.putField(box, write);
            Hooks.monitorExit(lock);
            return new long[] {before, between, after};
        });
        assertNotEquals(epochs[0], epochs[1], "an exit starts a new epoch");
        assertEquals(epochs[0], epochs[2], "nothing happened between exit and entry: the sections are merged");
        on(b, () -> {
            Hooks.monitorEnter(lock);
            Hooks.getField(box, read);
            Hooks.putField(box, write);
            Hooks.monitorExit(lock);
        });
        assertEquals(0, races(), "the merged section's writes are ordered before the next owner");
        on(c, () -> Hooks.getField(box, read));
        assertEquals(1, races(), "a read that takes no lock races with the last write");
    }

    @Test
    void anotherThreadTakingTheMonitorInBetweenKeepsTheSectionsApart() throws Exception {
        Object lock = new Object();
        on(a, () -> {
            Hooks.monitorEnter(lock);
            Hooks.putField(box, write);
            Hooks.monitorExit(lock);
        });
        on(b, () -> {
            Hooks.monitorEnter(lock);
            Hooks.monitorExit(lock);
        });
        on(a, () -> {
            Hooks.monitorEnter(lock);
            Hooks.putField(box, write); // after b's section: b must not see it as before its own
            Hooks.monitorExit(lock);
        });
        on(b, () -> Hooks.getField(box, read));
        assertEquals(1, races(), "b took the lock before a's second write, then read without it: a race");
    }

    @Test
    void anAccessBetweenExitAndEntryKeepsTheSectionsApart() throws Exception {
        Object lock = new Object();
        on(a, () -> {
            Hooks.monitorEnter(lock);
            Hooks.monitorExit(lock);
            Hooks.putField(box, write); // outside the lock, but before the next exit
            Hooks.monitorEnter(lock);
            Hooks.monitorExit(lock);
        });
        on(b, () -> {
            Hooks.monitorEnter(lock);
            Hooks.getField(box, read);
            Hooks.monitorExit(lock);
        });
        assertEquals(0, races(), "the write happened before a's last exit, which b's entry follows");
    }

    @Test
    void enteringAnotherMonitorIsNoMerge() throws Exception {
        Object l = new Object();
        Object m = new Object();
        on(a, () -> {
            Hooks.monitorEnter(l);
            Hooks.monitorExit(l);
            Hooks.monitorEnter(m);
            Hooks.monitorExit(m);
        });
        on(b, () -> {
            Hooks.monitorEnter(m);
            Hooks.monitorExit(m);
        });
        on(a, () -> {
            Hooks.monitorEnter(l); // a left m last, not l
            Hooks.putField(box, write);
            Hooks.monitorExit(l);
        });
        on(b, () -> Hooks.getField(box, read));
        assertEquals(1, races(), "b learnt a's past through m before a wrote: the read races");
    }

    @Test
    void nestedMonitorsMergeOnlyWhereNoOtherThreadCameBetween() throws Exception {
        Object outer = new Object();
        Object inner = new Object();
        on(a, () -> {
            for (int i = 0; i < 3; i++) {
                Hooks.monitorEnter(outer);
                Hooks.monitorEnter(inner);
                Hooks.putField(box, write);
                Hooks.monitorExit(inner);
                Hooks.monitorExit(outer);
            }
        });
        on(b, () -> {
            Hooks.monitorEnter(outer);
            Hooks.getField(box, read);
            Hooks.monitorExit(outer);
            Hooks.monitorEnter(inner);
            Hooks.getField(box, read);
            Hooks.monitorExit(inner);
        });
        assertEquals(0, races(), "either monitor orders a's writes before b's reads");
        on(a, () -> {
            Hooks.monitorEnter(outer);
            Hooks.monitorEnter(inner);
            Hooks.monitorExit(inner);
        });
        on(b, () -> {
            Hooks.monitorEnter(inner); // b takes the inner monitor while a holds the outer one
            Hooks.monitorExit(inner);
        });
        on(a, () -> {
            Hooks.monitorEnter(inner);
            Hooks.putField(box, write);
            Hooks.monitorExit(inner);
            Hooks.monitorExit(outer);
        });
        on(b, () -> Hooks.getField(box, read));
        assertEquals(1, races(), "a wrote after b's inner section; b then read without a lock");
    }

    @Test
    void waitOnTheMonitorKeepsTheSectionsApart() throws Exception {
        Object lock = new Object();
        int wait = callSite("java/lang/Object", "wait", CallSpec.RELEASE | CallSpec.ACQUIRE);
        on(a, () -> {
            Hooks.monitorEnter(lock);
            Hooks.monitorExit(lock);
            Hooks.monitorEnter(lock);
            Hooks.callBefore(lock, wait); // wait releases the monitor ...
        });
        on(b, () -> {
            Hooks.monitorEnter(lock); // ... so b takes it meanwhile
            Hooks.monitorExit(lock);
        });
        long[] epochs = on(a, () -> {
            Hooks.callAfter(lock, wait); // ... and wait takes it back
            Hooks.putField(box, write);
            long before = epoch();
            Hooks.monitorExit(lock);
            Hooks.monitorEnter(lock);
            long after = epoch();
            Hooks.monitorExit(lock);
            return new long[] {before, after};
        });
        assertNotEquals(epochs[0], epochs[1], "a monitor used by wait is never merged again");
        on(b, () -> Hooks.getField(box, read));
        assertEquals(1, races(), "b left the monitor before a's write and read without it: a race");
    }

    @Test
    void aLockCallOnTheSameObjectEndsMerging() throws Exception {
        Object lock = new Object();
        int lockCall = callSite("java/util/concurrent/locks/ReentrantLock", "lock", CallSpec.ACQUIRE);
        on(b, () -> Hooks.callAfter(lock, lockCall)); // the object's clock, taken once by a lock call
        long[] epochs = on(a, () -> {
            Hooks.monitorEnter(lock);
            Hooks.monitorExit(lock);
            long between = epoch();
            Hooks.monitorEnter(lock);
            long after = epoch();
            Hooks.putField(box, write);
            return new long[] {between, after};
        });
        assertEquals(epochs[0], epochs[1], "the entry keeps the epoch the exit started: no merge");
        // a lock call does not exclude the monitor: its hook may run while a is inside
        on(b, () -> Hooks.callAfter(lock, lockCall));
        on(a, () -> Hooks.monitorExit(lock));
        on(b, () -> Hooks.getField(box, read));
        assertEquals(1, races(), "a's write is not ordered before b's second lock call: b's read races with it");
    }
}
