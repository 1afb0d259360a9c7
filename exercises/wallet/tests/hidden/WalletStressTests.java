import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.api.Concurrently;
import racecourse.grader.api.Points;
import racecourse.grader.api.Subject;

/** Hidden stress checks of the wallet exercise; every count is exact and each test stops at its first violation. */
class WalletStressTests {
    private final Subject<WalletContract> wallet = Subject.of(WalletContract.class);

    // Budget: 4 threads x 20 000 moves, up to 10 rounds, stopping at the first round with a wrong total.
    @Test
    @Points(3)
    @DisplayName("four threads moving money both ways never create or lose any")
    void movesAddUp() {
        for (int round = 0; round < 10; round++) {
            WalletContract w = wallet.create(1_000, 1_000);
            Concurrently.run(4, Duration.ofSeconds(15), t -> {
                for (int i = 0; i < 20_000; i++) {
                    if (t % 2 == 0) w.toSavings(7); else w.toCash(7);
                }
            });
            assertEquals(2_000, w.cash() + w.savings(), "round " + round + ": money created or lost");
            assertEquals(2_000, w.total(), "round " + round);
        }
    }

    // Budget: 2 movers x 20 000 move pairs while 2 readers check every total, up to 5 rounds; stops at the first
    // round with a wrong total.
    @Test
    @Points(3)
    @DisplayName("readers never see money in flight")
    void readersSeeConsistentState() {
        for (int round = 0; round < 5; round++) {
            WalletContract w = wallet.create(30, 30);
            AtomicLong wrong = new AtomicLong();
            AtomicLong moversLeft = new AtomicLong(2);
            Concurrently.run(4, Duration.ofSeconds(15), t -> {
                if (t < 2) {
                    for (int i = 0; i < 20_000; i++) {
                        if (t == 0) { w.toSavings(30); w.toCash(30); } else { w.toCash(30); w.toSavings(30); }
                    }
                    moversLeft.decrementAndGet();
                } else {
                    while (moversLeft.get() > 0) {
                        if (w.total() != 60) wrong.incrementAndGet();
                    }
                }
            });
            assertEquals(0, wrong.get(), "round " + round + ": totals other than 60 seen");
        }
    }
}
