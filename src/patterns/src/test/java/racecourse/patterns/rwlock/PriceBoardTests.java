package racecourse.patterns.rwlock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tech.tablesaw.api.Table;

@Timeout(60)
class PriceBoardTests {
    static Stream<PriceBoards.Variant> variants() {
        return PriceBoards.variants().stream();
    }

    @ParameterizedTest
    @MethodSource("variants")
    void keepsPricesFromOneThread(PriceBoards.Variant variant) {
        PriceBoard board = variant.make(8);
        board.set(3, 40);
        board.move(3, 5, 15);
        assertEquals(25, board.price(3));
        assertEquals(15, board.price(5));
        assertEquals(40, board.total());
    }

    @ParameterizedTest
    @MethodSource("variants")
    void readersAlwaysSeeAConsistentTotal(PriceBoards.Variant variant) {
        // Two threads, half reads and half moves, for 300 ms: every read checks the total.
        Throughput.Point point = Throughput.measure(variant.name(), variant.make(64), 2, 0.5, Duration.ofMillis(300));
        assertEquals(0, point.wrongTotals(), point.toString());
        assertTrue(point.opsPerMs() > 0, point.toString());
    }

    @Test
    void skippingValidationGivesWrongTotals() {
        // Budget: up to 10 runs of 300 ms with two threads; a torn read of a 64-price board while the other
        // thread moves money happens thousands of times a second on 2 cores.
        Throughput.Point point = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            point = Throughput.measure("unvalidated", new UnvalidatedPriceBoard(64), 2, 0.5, Duration.ofMillis(300));
            if (point.wrongTotals() > 0) break;
        }
        assertTrue(point.wrongTotals() > 0, "no torn read seen: " + point);
    }

    @Test
    void sweepTableHasOneRowPerPoint() {
        Table sweep = Throughput.sweep(16, new int[] {1, 2}, new double[] {0.5, 1.0}, Duration.ofMillis(20));
        assertEquals(2 * 2 * PriceBoards.variants().size(), sweep.rowCount());
        assertTrue(Throughput.byReaderShare(sweep, 2).summary().contains("read/write lock"));
        assertTrue(Throughput.byThreads(sweep, 100.0).summary().contains("mutex"));
    }

    @Test
    void anIsolatedSweepReturnsTheSameShapeOfTable() {
        Table sweep = Throughput.sweepIsolated(16, new int[] {2}, new double[] {0.9}, Duration.ofMillis(20));
        assertEquals(PriceBoards.variants().size(), sweep.rowCount());
        assertEquals(0, (long) sweep.intColumn("wrong totals").sum());
        assertTrue(sweep.doubleColumn("ops/ms").min() > 0, sweep.print());
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new MutexPriceBoard(0));
        assertThrows(IllegalArgumentException.class,
                () -> Throughput.measure("m", new MutexPriceBoard(4), 1, 1.5, Duration.ofMillis(1)));
        assertThrows(IllegalArgumentException.class,
                () -> Throughput.measure("m", new MutexPriceBoard(1), 1, 0.5, Duration.ofMillis(1)));
    }
}
