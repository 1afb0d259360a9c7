import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.api.Concurrently;
import racecourse.grader.api.Points;
import racecourse.grader.api.Subject;

/** Hidden stress checks of the stock room; each counts violations exactly and stops at the first bad round. */
class StockStressTests {
    private final Subject<StockContract> stock = Subject.of(StockContract.class);

    // Budget: 4 threads x 20 000 adds of 1 to one shelf, up to 5 rounds.
    @Test
    @Points(2)
    @DisplayName("adds from four threads are never lost")
    void noLostAdds() {
        for (int round = 1; round <= 5; round++) {
            StockContract s = stock.create(8);
            Concurrently.run(4, Duration.ofSeconds(20), t -> {
                for (int i = 0; i < 20_000; i++) s.add(5, 1);
            });
            assertEquals(80_000, s.count(5), "round " + round + ": " + (80_000 - s.count(5)) + " of 80000 adds were lost");
        }
    }

    // Budget: 4 threads x 5 000 attempts to move 1 item off a shelf of 10 000, up to 5 rounds.
    @Test
    @Points(2)
    @DisplayName("four movers never take more than a shelf holds and lose nothing")
    void movesAreAtomic() {
        for (int round = 1; round <= 5; round++) {
            StockContract s = stock.create(2);
            s.add(0, 10_000);
            LongAdder moved = new LongAdder();
            Concurrently.run(4, Duration.ofSeconds(20), t -> {
                for (int i = 0; i < 5_000; i++) {
                    if (s.move(0, 1, 1)) moved.increment();
                }
            });
            assertEquals(10_000, moved.sum(), "round " + round + ": " + moved.sum() + " moves of 1 succeeded from a shelf of 10000 with 20000 attempts");
            assertEquals(0, s.count(0), "round " + round + ": shelf 0 should be empty");
            assertEquals(10_000, s.count(1), "round " + round + ": shelf 1 should hold every moved item");
        }
    }

    // Budget: 3 movers x 20 000 moves between shelves 0 and 63, 2 readers x 20 000 totals, up to 3 rounds.
    @Test
    @Points(2)
    @DisplayName("with three movers, readers always see the same total and no shelf below zero")
    void readersAndMovers() {
        for (int round = 1; round <= 3; round++) {
            StockContract s = stock.create(64);
            s.add(0, 500);
            s.add(63, 500);
            LongAdder bad = new LongAdder();
            Concurrently.run(5, Duration.ofSeconds(20), t -> {
                for (int i = 0; i < 20_000; i++) {
                    if (t < 3) {
                        s.move((i + t) % 2 == 0 ? 0 : 63, (i + t) % 2 == 0 ? 63 : 0, 1);
                    } else if (s.total() != 1_000 || s.count(0) < 0 || s.count(63) < 0) {
                        bad.increment();
                    }
                }
            });
            assertEquals(0, bad.sum(), "round " + round + ": " + bad.sum() + " reads saw a wrong total or a negative shelf");
            assertEquals(1_000, s.total(), "round " + round + ": items appeared or vanished");
        }
    }
}
