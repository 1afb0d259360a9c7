import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.api.Concurrently;
import racecourse.grader.api.Points;
import racecourse.grader.api.Subject;

/**
 * Hidden stress checks of the bank exercise. Each counts violations exactly (final balance against the sum of the
 * successful operations; every negative balance a reader observes) and stops at the first round that shows one.
 */
class BankStressTests {
    private final Subject<BankContract> bank = Subject.of(BankContract.class);

    // Budget: 4 threads x 50 000 mixed operations, up to 10 rounds, deadline 20 s per round.
    @Test
    @Points(2)
    @DisplayName("mixed deposits and withdrawals from 4 threads lose no update")
    void noLostUpdates() {
        for (int round = 1; round <= 10; round++) {
            BankContract b = bank.create();
            b.deposit(1_000);
            LongAdder deposited = new LongAdder();
            LongAdder withdrawn = new LongAdder();
            Concurrently.run(4, Duration.ofSeconds(20), t -> {
                for (int i = 0; i < 50_000; i++) {
                    if ((i + t) % 2 == 0) {
                        b.deposit(3);
                        deposited.add(3);
                    } else if (b.withdraw(2)) {
                        withdrawn.add(2);
                    }
                }
            });
            long expected = 1_000 + deposited.sum() - withdrawn.sum();
            assertEquals(expected, b.balance(), "round " + round + ": after " + deposited.sum() + " deposited and "
                    + withdrawn.sum() + " withdrawn the balance should be " + expected + "; the difference, "
                    + (expected - b.balance()) + ", is lost updates");
        }
    }

    // Budget: 4 withdrawing threads + 1 reader on a balance of 2 000, up to 20 rounds, deadline 20 s per round.
    @Test
    @Points(2)
    @DisplayName("concurrent withdrawals never overdraw the account")
    void neverOverdrawn() {
        for (int round = 1; round <= 20; round++) {
            BankContract b = bank.create();
            b.deposit(2_000);
            AtomicInteger successes = new AtomicInteger();
            AtomicLong negativeSeen = new AtomicLong();
            AtomicInteger lowest = new AtomicInteger(Integer.MAX_VALUE);
            Concurrently.run(5, Duration.ofSeconds(20), t -> {
                if (t == 4) {
                    for (int i = 0; i < 20_000; i++) {
                        int seen = b.balance();
                        lowest.accumulateAndGet(seen, Math::min);
                        if (seen < 0) {
                            negativeSeen.incrementAndGet();
                        }
                    }
                    return;
                }
                for (int i = 0; i < 1_000; i++) {
                    if (b.withdraw(1)) {
                        successes.incrementAndGet();
                    }
                }
            });
            int end = b.balance();
            assertTrue(end >= 0 && negativeSeen.get() == 0, "round " + round + ": the balance went below zero ("
                    + negativeSeen.get() + " negative readings, lowest " + Math.min(lowest.get(), end)
                    + ", final " + end + "): check and withdrawal must be one step");
            assertTrue(successes.get() <= 2_000, "round " + round + ": " + successes.get()
                    + " withdrawals of 1 succeeded from a balance of 2000");
            assertEquals(2_000 - successes.get(), end, "round " + round + ": " + successes.get()
                    + " successful withdrawals of 1 from 2000 should leave " + (2_000 - successes.get()));
        }
    }

    // Budget: 2 threads x 100 000 deposits of 1 and 100 000 withdrawals of 1 in lock step, up to 5 rounds.
    @Test
    @Points(2)
    @DisplayName("a balance read while others write is always a real balance")
    void readsAreConsistent() {
        for (int round = 1; round <= 5; round++) {
            BankContract b = bank.create();
            b.deposit(10);
            AtomicLong bad = new AtomicLong();
            Concurrently.run(3, Duration.ofSeconds(20), t -> {
                for (int i = 0; i < 100_000; i++) {
                    if (t == 2) {
                        int seen = b.balance();
                        // Each writer leaves a net change of 0 or +1 at any moment, so 10..12 are the only states.
                        if (seen < 9 || seen > 12) {
                            bad.incrementAndGet();
                        }
                    } else {
                        b.deposit(1);
                        while (!b.withdraw(1)) {
                            Thread.onSpinWait();
                        }
                    }
                }
            });
            assertEquals(0, bad.get(), "round " + round + ": a reader saw " + bad.get()
                    + " balances that no sequence of whole operations can produce");
            assertEquals(10, b.balance(), "round " + round + ": deposits and withdrawals of 1 in pairs should leave"
                    + " the balance at 10");
        }
    }
}
