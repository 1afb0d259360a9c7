import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.api.Concurrently;
import racecourse.grader.api.Subject;

/** Visible tests of the wallet exercise: {@code Checks.run("wallet", Wallet.class)}. */
class WalletTests {
    private final Subject<WalletContract> wallet = Subject.of(WalletContract.class);

    @Test
    @DisplayName("a new wallet holds what it was given")
    void startsWithItsMoney() {
        WalletContract w = wallet.create(70, 30);
        assertEquals(70, w.cash());
        assertEquals(30, w.savings());
        assertEquals(100, w.total());
    }

    @Test
    @DisplayName("moving money changes both sides and keeps the total")
    void movesMoney() {
        WalletContract w = wallet.create(70, 30);
        assertTrue(w.toSavings(50));
        assertEquals(20, w.cash());
        assertEquals(80, w.savings());
        assertTrue(w.toCash(80));
        assertEquals(100, w.cash());
        assertEquals(0, w.savings());
        assertEquals(100, w.total());
    }

    @Test
    @DisplayName("a move larger than the side it comes from is refused and changes nothing")
    void refusesTooMuch() {
        WalletContract w = wallet.create(70, 30);
        assertFalse(w.toSavings(71));
        assertFalse(w.toCash(31));
        assertEquals(70, w.cash());
        assertEquals(30, w.savings());
    }

    // Budget: one mover and one reader for 300 ms; every total the reader sees is checked.
    @Test
    @DisplayName("a reader never sees a total other than 100 while money moves")
    void totalNeverLies() {
        WalletContract w = wallet.create(50, 50);
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong wrong = new AtomicLong();
        long end = System.nanoTime() + Duration.ofMillis(300).toNanos();
        Concurrently.run(2, Duration.ofSeconds(10), t -> {
            if (t == 0) {
                while (System.nanoTime() < end) {
                    w.toSavings(10);
                    w.toCash(10);
                }
                done.set(true);
            } else {
                while (!done.get()) {
                    if (w.total() != 100) wrong.incrementAndGet();
                }
            }
        });
        assertEquals(0, wrong.get(), "totals other than 100 seen");
        assertEquals(100, w.total());
    }
}
