package racecourse.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import racecourse.explore.junit.ExploreRunner;
import racecourse.explore.junit.ExploreTest;
import racecourse.explore.report.ExploreResult;

/** The JUnit extension and the grader's call. */
class JUnitExtensionTests {
    /** A locked counter: no schedule loses an update, so this passes under the explorer. */
    @ExploreTest(strategy = "dpor")
    void lockedCounterLosesNothing() throws InterruptedException {
        ReentrantLock lock = new ReentrantLock();
        int[] count = new int[1];
        Runnable inc = () -> {
            lock.lock();
            try {
                count[0]++;
            } finally {
                lock.unlock();
            }
        };
        Thread a = new Thread(inc);
        Thread b = new Thread(inc);
        a.start();
        b.start();
        a.join();
        b.join();
        assertEquals(2, count[0]);
    }

    /** Test bodies for the grader call; not run by JUnit themselves. */
    static final class Bodies {
        static final class Account {
            final AtomicInteger balance = new AtomicInteger(100);

            boolean withdraw(int amount) {
                if (balance.get() < amount) return false;
                balance.addAndGet(-amount);
                return true;
            }
        }

        void overdraft() throws InterruptedException {
            Account acc = new Account();
            Thread a = new Thread(() -> acc.withdraw(60));
            Thread b = new Thread(() -> acc.withdraw(60));
            a.start();
            b.start();
            a.join();
            b.join();
            assertTrue(acc.balance.get() >= 0, "overdrawn: " + acc.balance.get());
        }
    }

    @Test
    void graderCallReturnsWitnessAndReplayLine() {
        ExploreResult r = ExploreRunner.runTest(Bodies.class, "overdraft",
                ExploreOptions.defaults().withStrategy("pct").withSeed(42).withSchedules(200));
        assertTrue(r.failed(), r.text());
        assertTrue(r.witness().label().contains("overdrawn: -20"), r.text());
        String line = r.replayLine();
        assertTrue(line.startsWith("@ExploreTest(replay = \""), line);
        String schedule = line.substring(line.indexOf('"') + 1, line.indexOf('"', line.indexOf('"') + 1));
        ExploreResult again = ExploreRunner.runTest(Bodies.class, "overdraft", ExploreOptions.defaults().withReplay(schedule));
        assertEquals(r.witness().label(), again.outcomes().get(0).label());
    }
}
