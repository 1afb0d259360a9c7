package racecourse.race.edges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

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
}
