package racecourse.patterns.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class WelcomeDeskTests {
    @Test
    void eachDeskPaysOnceFromOneThread() {
        for (Supplier<WelcomeDesk> desks : List.<Supplier<WelcomeDesk>>of(CheckThenActWelcomeDesk::new, AtomicWelcomeDesk::new)) {
            WelcomeDesk desk = desks.get();
            assertTrue(desk.open("ada"));
            assertFalse(desk.open("ada"));
            assertEquals(WelcomeDesk.BONUS, desk.balance("ada"));
            assertEquals(0, desk.balance("bob"));
        }
    }

    @Test
    void checkThenActPaysTwiceUnderContention() {
        // Budget: up to 10 runs of 50 trials x 1,000 accounts, stopping at the first double payment. About one
        // trial in four pays some account twice on 2 cores, so the first run nearly always finds one.
        DoubleBonuses.Run run = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            run = DoubleBonuses.measure(CheckThenActWelcomeDesk::new, 1000, 50);
            if (run.doublePaid() > 0) break;
        }
        assertTrue(run.doublePaid() > 0, "no double bonus in 500 trials: " + run.summary());
    }

    @Test
    void putIfAbsentNeverPaysTwice() {
        DoubleBonuses.Run run = DoubleBonuses.measure(AtomicWelcomeDesk::new, 1000, 100);
        assertEquals(0, run.doublePaid(), run.summary());
        assertEquals(0, run.trialsWithDoublePay());
    }
}
