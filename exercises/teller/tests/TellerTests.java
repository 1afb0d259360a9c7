import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.api.Concurrently;
import racecourse.grader.api.Subject;

/** Visible tests of the teller exercise: {@code Checks.run("teller", Teller.class)}. */
class TellerTests {
    private final Subject<TellerContract> teller = Subject.of(TellerContract.class);
    private static final Duration CLOSE = Duration.ofSeconds(3);

    @Test
    @DisplayName("a new teller holds nothing, and then exactly what was deposited")
    void startsEmpty() {
        TellerContract t = teller.create();
        try {
            assertEquals(0, t.balance(), "a new teller");
            t.deposit(7);
            assertEquals(7, t.balance(), "after depositing 7 into a new teller");
        } finally {
            TellerContract.closeWithin(t, CLOSE);
        }
    }

    @Test
    @DisplayName("deposits add up, and balance() sees every deposit made before it")
    void depositsAddUp() {
        TellerContract t = teller.create();
        try {
            for (int i = 1; i <= 100; i++) {
                t.deposit(i);
                assertEquals(i * (i + 1) / 2, t.balance(), "after depositing 1.." + i);
            }
        } finally {
            TellerContract.closeWithin(t, CLOSE);
        }
    }

    @Test
    @DisplayName("the constructor starts a thread")
    void startsAThread() {
        Set<Thread> before = TellerContract.liveThreads();
        TellerContract t = teller.create();
        try {
            Set<Thread> started = new HashSet<>(TellerContract.liveThreads());
            started.removeAll(before);
            assertFalse(started.isEmpty(), "no new thread was alive after the constructor returned");
        } finally {
            TellerContract.closeWithin(t, CLOSE);
        }
    }

    @Test
    @DisplayName("close() stops the teller's thread before it returns")
    void closeStopsTheThread() {
        Set<Thread> before = TellerContract.liveThreads();
        TellerContract t = teller.create();
        t.deposit(1);
        assertEquals(1, t.balance(), "after depositing 1");
        Set<Thread> started = new HashSet<>(TellerContract.liveThreads());
        started.removeAll(before);
        assertFalse(started.isEmpty(), "the teller started no thread, so close() had none to stop");
        TellerContract.closeWithin(t, CLOSE);
        for (Thread th : started) {
            assertFalse(th.isAlive(), "thread \"" + th.getName() + "\" started by the teller is still alive after "
                    + "close() returned");
        }
    }

    // Budget: 2 threads x 20 000 deposits, up to 10 rounds, stopping at the first lost deposit.
    @Test
    @DisplayName("two threads depositing at once lose nothing")
    void twoThreadsLoseNothing() {
        for (int round = 1; round <= 10; round++) {
            TellerContract t = teller.create();
            try {
                Concurrently.run(2, Duration.ofSeconds(10), k -> {
                    for (int i = 0; i < 20_000; i++) {
                        t.deposit(1);
                    }
                });
                int b = t.balance();
                assertTrue(b == 40_000, "round " + round + ": 2 threads deposited 1 twenty thousand times each, so "
                        + "the balance should be 40000, not " + b);
            } finally {
                TellerContract.closeWithin(t, CLOSE);
            }
        }
    }
}
