package racecourse.patterns.mutex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import racecourse.patterns.bank.LostUpdates;

@Timeout(60)
class OverdraftBankTests {
    @Test
    void isCorrectFromOneThread() {
        OverdraftBank bank = new OverdraftBank();
        bank.deposit(10);
        assertTrue(bank.withdraw(10));
        assertFalse(bank.withdraw(1));
        assertEquals(0, bank.balance());
    }

    @Test
    void aForcedInterleavingOverdrawsEveryTime() throws Exception {
        // Deterministic schedule: both customers pass the check before either acts.
        java.util.concurrent.CyclicBarrier bothChecked = new java.util.concurrent.CyclicBarrier(2);
        OverdraftBank bank = new OverdraftBank(() -> {
            try {
                bothChecked.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        bank.deposit(100);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> bank.withdraw(100));
            var b = pool.submit(() -> bank.withdraw(100));
            assertTrue(a.get() && b.get(), "both withdrawals were approved");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(-100, bank.balance());
    }

    @Test
    void depositsAreNeverLost() {
        assertEquals(0, LostUpdates.measure(OverdraftBank::new, 2, 20_000, 10).totalLost());
    }

    @Test
    void twoCustomersOverdrawIt() {
        // Budget: up to 10 runs of 20 trials (two customers withdrawing 1 at a time from 10,000), stopping at the
        // first overdraft. About one trial in ten overdraws on a busy 2-core machine.
        Overdrafts.Run run = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            run = Overdrafts.measure(OverdraftBank::new, 2, 10_000, 20);
            if (run.overdrawnTrials() > 0) break;
        }
        assertTrue(run.overdrawnTrials() > 0, "no overdraft in 200 trials: " + run.summary());
    }
}
