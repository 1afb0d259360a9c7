package racecourse.patterns.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UnsafeBankTests {
    @Test
    void fromOneThreadEveryDepositAndWithdrawalCounts() {
        UnsafeBank bank = new UnsafeBank();
        for (int i = 0; i < 1000; i++) bank.deposit(2);
        assertTrue(bank.withdraw(500));
        assertFalse(bank.withdraw(2000), "a withdrawal the balance does not cover is refused");
        assertEquals(1500, bank.balance());
    }

    @Test
    void twoThreadsLoseDeposits() {
        // Budget: up to 20 rounds of 10 trials (2 threads x 100,000 deposits each), stopping at the first round
        // that loses anything. On 2 cores about nine trials in ten lose deposits, so one round nearly always does.
        LostUpdates.Run run = null;
        for (int round = 0; round < 20; round++) {
            run = LostUpdates.measure(UnsafeBank::new, 2, 100_000, 10);
            if (run.totalLost() > 0) break;
        }
        assertTrue(run.totalLost() > 0, "no deposit was lost in 200 trials: " + run.summary());
        assertTrue(run.maxLost() <= run.expected(), "cannot lose more deposits than were made");
    }

    @Test
    void oneThreadAloneLosesNothing() {
        LostUpdates.Run run = LostUpdates.measure(UnsafeBank::new, 1, 50_000, 20);
        assertEquals(0, run.totalLost(), run.summary());
        assertEquals(20, run.trials());
    }

    @Test
    void runReportsItsNumbers() {
        LostUpdates.Run run = new LostUpdates.Run("B", 2, 10, new long[] {0, 3, 5});
        assertEquals(20, run.expected());
        assertEquals(2, run.trialsWithLoss());
        assertEquals(8, run.totalLost());
        assertEquals(5, run.maxLost());
        assertTrue(run.summary().contains("2 of 3 trials"), run.summary());
        assertTrue(run.toMimeBundle().toString().length() > 0);
    }

    @Test
    void badSizesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LostUpdates.measure(UnsafeBank::new, 0, 10, 10));
        assertTrue(e.getMessage().contains("threads"), e.getMessage());
    }
}
