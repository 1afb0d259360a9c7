package racecourse.patterns.visibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import racecourse.patterns.bank.Bank;

class TransientNegativeTests {
    @Test
    void withdrawRollsBackWhenTheBalanceIsTooLow() {
        for (Bank bank : new Bank[] {new UnguardedBalanceBank(), new VolatileBalanceBank(), new GuardedBalanceBank()}) {
            bank.deposit(100);
            assertEquals(false, bank.withdraw(150));
            assertEquals(100, bank.balance());
            assertEquals(true, bank.withdraw(30));
            assertEquals(70, bank.balance());
        }
    }

    // Budget: up to 5 watches of 400 ms each (2 s at most); the first negative read usually comes within 50 ms.
    @Test
    void anUnlockedReaderSeesTheTransientNegativeBalance() {
        TransientNegativeProbe.Watch watch = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            watch = TransientNegativeProbe.watch(new VolatileBalanceBank(), 100, Duration.ofMillis(400), 1);
            if (watch.sawNegative()) break;
        }
        assertTrue(watch.sawNegative(), "no negative balance seen in 5 watches: " + watch);
        assertEquals(-50, watch.lowest());
    }

    // Budget: one 500 ms watch; a negative read here would be a real bug in GuardedBalanceBank.
    @Test
    void aReaderThatTakesTheLockNeverSeesANegativeBalance() {
        TransientNegativeProbe.Watch watch =
                TransientNegativeProbe.watch(new GuardedBalanceBank(), 100, Duration.ofMillis(500), 0);
        assertEquals(0, watch.negativeReads(), watch.toString());
        assertTrue(watch.reads() > 1000, "the reader barely ran: " + watch);
        assertTrue(watch.withdrawals() > 1000, "the writer barely ran: " + watch);
        assertEquals(100, watch.lowest());
    }

    @Test
    void rejectsANonPositiveStartingBalance() {
        try {
            TransientNegativeProbe.watch(new GuardedBalanceBank(), 0, Duration.ofMillis(10), 0);
        } catch (IllegalArgumentException expected) {
            return;
        }
        throw new AssertionError("a zero starting balance was accepted");
    }
}
