import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.api.Concurrently;
import racecourse.grader.api.Points;
import racecourse.grader.api.Subject;

/** Hidden stress checks of the teller exercise; counts are exact and each test stops at its first violation. */
class TellerStressTests {
    private final Subject<TellerContract> teller = Subject.of(TellerContract.class);
    private static final Duration CLOSE = Duration.ofSeconds(5);

    // Budget: 4 threads x 20 000 deposits of 1..3, up to 5 rounds.
    @Test
    @Points(2)
    @DisplayName("four threads depositing at once lose no deposit")
    void noLostDeposits() {
        for (int round = 1; round <= 5; round++) {
            TellerContract t = teller.create();
            try {
                Concurrently.run(4, Duration.ofSeconds(20), k -> {
                    for (int i = 0; i < 20_000; i++) {
                        t.deposit(1 + i % 3);
                    }
                });
                int expected = 4 * (6_667 * 1 + 6_667 * 2 + 6_666 * 3);
                assertEquals(expected, t.balance(), "round " + round + ": deposits were lost");
            } finally {
                TellerContract.closeWithin(t, CLOSE);
            }
        }
    }

    // Budget: 2 depositing + 2 reading threads x 10 000 operations, up to 5 rounds.
    @Test
    @Points(2)
    @DisplayName("readers never see the balance go backwards, or a deposit they made go missing")
    void readsAreMonotonic() {
        for (int round = 1; round <= 5; round++) {
            TellerContract t = teller.create();
            AtomicInteger backwards = new AtomicInteger();
            AtomicInteger missing = new AtomicInteger();
            try {
                Concurrently.run(4, Duration.ofSeconds(20), k -> {
                    int last = 0;
                    int mine = 0;
                    for (int i = 0; i < 10_000; i++) {
                        if (k < 2) {
                            t.deposit(1);
                            mine++;
                            if (i % 100 == 0 && t.balance() < mine) {
                                missing.incrementAndGet();
                            }
                        } else {
                            int b = t.balance();
                            if (b < last) {
                                backwards.incrementAndGet();
                            }
                            last = b;
                        }
                    }
                });
                assertEquals(0, backwards.get(), "round " + round + ": a reader saw the balance decrease "
                        + backwards.get() + " times while only deposits were made");
                assertEquals(0, missing.get(), "round " + round + ": a depositor's own deposits were missing from "
                        + "its balance() " + missing.get() + " times");
                assertEquals(20_000, t.balance(), "round " + round + ": deposits were lost");
            } finally {
                TellerContract.closeWithin(t, CLOSE);
            }
        }
    }

    // Budget: 10 tellers, each used by 2 threads for 1 000 deposits, then closed.
    @Test
    @Points(1)
    @DisplayName("close() after heavy use stops every teller thread")
    void closeAfterUse() {
        for (int n = 0; n < 10; n++) {
            Set<Thread> before = TellerContract.liveThreads();
            TellerContract t = teller.create();
            Set<Thread> started = new HashSet<>(TellerContract.liveThreads());
            started.removeAll(before);
            Concurrently.run(2, Duration.ofSeconds(20), k -> {
                for (int i = 0; i < 1_000; i++) {
                    t.deposit(1);
                }
            });
            t.balance();
            TellerContract.closeWithin(t, CLOSE);
            for (Thread th : started) {
                assertFalse(th.isAlive(), "teller " + n + ": thread \"" + th.getName() + "\" is alive after close()");
            }
        }
    }
}
