package racecourse.patterns.mutex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ReentrancyTests {
    @Test
    void reentrantLockLetsWithdrawCallDeposit() {
        ReentrantBank bank = new ReentrantBank();
        bank.deposit(50);
        assertTrue(bank.withdraw(20));
        assertEquals(30, bank.balance());
        assertEquals(0, bank.holdCount(), "every lock() was matched by an unlock()");
    }

    @Test
    void aNonReentrantLockDeadlocksItsOwnThread() throws InterruptedException {
        SelfDeadlockingBank bank = new SelfDeadlockingBank();
        bank.deposit(50);
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread customer = Thread.ofPlatform().name("customer").start(() -> {
            try {
                bank.withdraw(20);
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        // A deadlocked thread never finishes; 500 ms is far more than a withdrawal takes.
        assertFalse(customer.join(Duration.ofMillis(500)), "withdraw should never return");
        assertEquals(Thread.State.WAITING, customer.getState());
        customer.interrupt();
        assertTrue(customer.join(Duration.ofSeconds(10)), "an interrupt frees the stuck thread");
        assertInstanceOf(IllegalStateException.class, outcome.get());
        assertEquals(50, bank.balance(), "the withdrawal never happened and the permit was given back");
    }

    @Test
    void aRefusedWithdrawalDoesNotReachTheSecondAcquire() {
        SelfDeadlockingBank bank = new SelfDeadlockingBank();
        assertFalse(bank.withdraw(1));
        assertEquals(0, bank.balance());
    }
}
