package racecourse.patterns.mutex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import racecourse.patterns.bank.Bank;
import racecourse.patterns.bank.LostUpdates;

@Timeout(60)
class LockedBankTests {
    static Stream<Supplier<Bank>> safeBanks() {
        return Stream.of(SemaphoreBank::new, LockBank::new, SynchronizedBank::new, ReentrantBank::new);
    }

    @ParameterizedTest
    @MethodSource("safeBanks")
    void keepsAccountsFromOneThread(Supplier<Bank> banks) {
        Bank bank = banks.get();
        bank.deposit(100);
        assertTrue(bank.withdraw(60));
        assertFalse(bank.withdraw(41));
        assertTrue(bank.withdraw(40));
        assertEquals(0, bank.balance());
    }

    @ParameterizedTest
    @MethodSource("safeBanks")
    void losesNoDeposit(Supplier<Bank> banks) {
        LostUpdates.Run run = LostUpdates.measure(banks, 2, 20_000, 20);
        assertEquals(0, run.totalLost(), run.summary());
    }

    @ParameterizedTest
    @MethodSource("safeBanks")
    void neverOverdraws(Supplier<Bank> banks) {
        Overdrafts.Run run = Overdrafts.measure(banks, 2, 5_000, 20);
        assertEquals(0, run.overdrawnTrials(), run.summary());
    }
}
