import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.api.Concurrently;
import racecourse.grader.api.Points;
import racecourse.grader.api.Subject;

/** Visible tests of the stock room: the learner runs these inline with {@code Checks.run("stock", Stock.class)}. */
class StockTests {
    private final Subject<StockContract> stock = Subject.of(StockContract.class);

    @Test
    @DisplayName("a new stock room has empty shelves, and an add shows on its own shelf only")
    void startsEmpty() {
        StockContract s = stock.create(4);
        assertEquals(0, s.total());
        for (int shelf = 0; shelf < 4; shelf++) assertEquals(0, s.count(shelf));
        s.add(2, 5);
        assertEquals(5, s.total(), "total after adding 5");
        for (int shelf = 0; shelf < 4; shelf++) assertEquals(shelf == 2 ? 5 : 0, s.count(shelf), "shelf " + shelf);
    }

    @Test
    @DisplayName("add puts items on a shelf")
    void addAdds() {
        StockContract s = stock.create(4);
        s.add(2, 5);
        s.add(2, 3);
        s.add(0, 1);
        assertEquals(8, s.count(2));
        assertEquals(9, s.total());
    }

    @Test
    @DisplayName("a covered move returns true and moves the items")
    void moveMoves() {
        StockContract s = stock.create(3);
        s.add(0, 10);
        assertTrue(s.move(0, 2, 4), "moving 4 of 10 should succeed");
        assertEquals(6, s.count(0));
        assertEquals(4, s.count(2));
        assertEquals(10, s.total());
    }

    @Test
    @DisplayName("a move larger than the shelf holds returns false and changes nothing")
    void moveRefused() {
        StockContract s = stock.create(3);
        s.add(0, 3);
        assertFalse(s.move(0, 1, 4), "moving 4 from a shelf of 3 should return false");
        assertEquals(3, s.count(0));
        assertEquals(0, s.count(1));
    }

    // Budget: one mover x 20 000 moves between the first and the last of 64 shelves, one reader x 20 000 totals,
    // up to 5 rounds, stopping at the first inconsistent total.
    @Test
    @Points(2)
    @DisplayName("a reader never sees a move half-done")
    void totalsAreConsistent() {
        for (int round = 1; round <= 5; round++) {
            StockContract s = stock.create(64);
            s.add(0, 1_000);
            LongAdder torn = new LongAdder();
            Concurrently.run(2, Duration.ofSeconds(15), t -> {
                for (int i = 0; i < 20_000; i++) {
                    if (t == 0) {
                        s.move(i % 2 == 0 ? 0 : 63, i % 2 == 0 ? 63 : 0, 1);
                    } else if (s.total() != 1_000) {
                        torn.increment();
                    }
                }
            });
            assertEquals(0, torn.sum(), "round " + round + ": " + torn.sum()
                    + " totals were not 1000: the reader saw a move half-done");
        }
    }
}
