package racecourse.race.edges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import racecourse.race.report.RaceLog;

/** The hooks' cache of thread states answers each thread with its own current state, per session. */
class HooksStateTests {
    private static Session session() {
        return new Session(new RaceLog(10, null, null, System.err));
    }

    @Test
    void eachThreadAndEachSessionGetsItsOwnState() throws InterruptedException {
        Session a = session();
        Session b = session();
        ThreadState mine = Hooks.state(a);
        assertSame(mine, Hooks.state(a), "the cached state is the thread's own");
        assertSame(a, mine.session);
        AtomicReference<ThreadState> other = new AtomicReference<>();
        Thread t = new Thread(() -> other.set(Hooks.state(a)));
        t.start();
        t.join();
        assertNotSame(mine, other.get(), "another thread gets a state of its own");
        assertEquals(t.threadId(), other.get().owner);
        assertSame(mine, Hooks.state(a), "the other thread's entry did not replace this thread's answer");
        ThreadState inB = Hooks.state(b);
        assertNotSame(mine, inB, "a new session starts a new state");
        assertSame(b, inB.session);
        Hooks.forgetStates();
        assertSame(inB, Hooks.state(b), "after the cache is dropped the thread-local still answers");
    }

    @Test
    void aThreadWhoseIdSharesTheSlotIsNotTakenForThisOne() throws InterruptedException {
        Session s = session();
        ThreadState mine = Hooks.state(s);
        long id = Thread.currentThread().threadId();
        // start threads until one lands on this thread's slot of the cache (ids grow one by one)
        for (int i = 0; i < 4096; i++) {
            AtomicReference<ThreadState> seen = new AtomicReference<>();
            Thread t = new Thread(() -> seen.set(Hooks.state(s)));
            boolean sameSlot = ((t.threadId() - id) & 1023) == 0;
            t.start();
            t.join();
            if (sameSlot) {
                assertNotSame(mine, seen.get());
                assertSame(mine, Hooks.state(s), "the other thread overwrote the slot; this one looks itself up");
                assertEquals(mine.tid, Hooks.state(s).tid);
                return;
            }
        }
        throw new AssertionError("no thread landed on the same slot in 4096 tries");
    }

    @Test
    void theCacheKeepsNoFinishedThreadAlive() throws InterruptedException {
        Session s = session();
        WeakReference<Thread> ref = startAndJoin(s);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (ref.get() != null && System.nanoTime() < deadline) {
            System.gc();
            Thread.onSpinWait();
        }
        assertNull(ref.get(), "a finished thread (and the task it ran) is not kept by the detector's cache");
    }

    private static WeakReference<Thread> startAndJoin(Session s) throws InterruptedException {
        Thread t = new Thread(() -> Hooks.state(s));
        t.start();
        t.join();
        return new WeakReference<>(t);
    }

    /** An object that keeps its history itself, as instrumented classes do. */
    static final class Holder implements ShadowHolder {
        int data;
        volatile boolean ready;
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

    private static int site(String field, boolean write) throws NoSuchFieldException {
        return Sites.register(Site.FIELD, write, Holder.class.getName(), "test", "HooksStateTests.java", 1,
                Holder.class.getName().replace('.', '/'), field, 0, null, Holder.class.getClassLoader(),
                FieldInfo.of(Holder.class.getDeclaredField(field)));
    }

    @Test
    void theSameEpochShortcutForFieldsLeavesVolatileAccessesSynchronization() throws Exception {
        Session s = session();
        Holder h = new Holder();
        int writeData = site("data", true);
        int readData = site("data", false);
        int writeReady = site("ready", true);
        int readReady = site("ready", false);
        Tracker.begin(s);
        try {
            Thread writer = new Thread(() -> {
                Hooks.putField(h, writeData);
                Hooks.putField(h, writeData); // the same epoch: the shortcut
                Hooks.putField(h, writeReady);
                Hooks.putField(h, writeReady); // a volatile write again: a release each time, never skipped
            });
            writer.start();
            writer.join();
            Hooks.getField(h, readReady);
            Hooks.getField(h, readData);
            assertEquals(0, s.log().races().size(), "the volatile read orders the data read after the write");
            Thread racer = new Thread(() -> {
                Hooks.getField(h, readData);
                Hooks.getField(h, readData);
                Hooks.putField(h, writeData);
            });
            racer.start();
            racer.join();
            Hooks.putField(h, writeData);
            assertEquals(1, s.log().races().size(), "a write unordered with the racer's write is a race");
        } finally {
            Tracker.end();
        }
    }

    @Test
    void theShadowCacheGrowsForAThreadCyclingThroughManyArraysOnly() throws InterruptedException {
        Session s = session();
        int site = Sites.register(Site.ARRAY, false, "HooksStateTests", "test", "HooksStateTests.java", 1, null, null,
                0, null, null, null);
        int[][] many = new int[300][4];
        int[][] few = new int[10][4];
        Tracker.begin(s);
        try {
            AtomicReference<ThreadState> cycling = new AtomicReference<>();
            Thread t = new Thread(() -> {
                for (int round = 0; round < 40; round++) {
                    for (int[] a : many) {
                        Hooks.arrayLoad(a, 0, site);
                    }
                }
                cycling.set(Hooks.state(s));
            });
            t.start();
            t.join();
            int grown = cycling.get().cache.length;
            assertTrue(grown >= 512 && grown <= ThreadState.MAX_CACHE, "300 arrays in turn: " + grown + " entries");
            for (int round = 0; round < 40; round++) {
                for (int[] a : few) {
                    Hooks.arrayLoad(a, 0, site);
                }
            }
            assertEquals(64, Hooks.state(s).cache.length, "ten arrays fit the first 64 entries");
        } finally {
            Tracker.end();
        }
    }
}
