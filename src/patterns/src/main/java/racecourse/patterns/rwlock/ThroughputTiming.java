package racecourse.patterns.rwlock;

import java.time.Duration;
import racecourse.measure.Timing;

/**
 * One run of lesson 05's repeated comparison, meant for a child JVM started by {@link Timing}: warms up every
 * board, then measures each with one thread count and one read share and prints a {@code measure} line of
 * operations per ms per board. Exits with status 1 if a read saw an inconsistent total on a board that must not
 * allow one. Thread-safe (a main; its state is its own).
 */
public final class ThroughputTiming {
    private ThroughputTiming() {
    }

    /** Arguments: board size, threads, read share (0 to 1), milliseconds per board. */
    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: ThroughputTiming BOARD_SIZE THREADS READ_SHARE MILLIS");
            System.exit(2);
        }
        int size = Integer.parseInt(args[0]);
        int threads = Integer.parseInt(args[1]);
        double share = Double.parseDouble(args[2]);
        Duration time = Duration.ofMillis(Long.parseLong(args[3]));
        for (PriceBoards.Variant v : PriceBoards.variants()) Throughput.measure(v.name(), v.make(size), 2, 0.9, Duration.ofMillis(150));
        long wrong = 0;
        for (PriceBoards.Variant v : PriceBoards.variants()) {
            Throughput.Point p = Throughput.measure(v.name(), v.make(size), threads, share, time);
            wrong += p.wrongTotals();
            System.out.println(Timing.line(v.name(), p.opsPerMs()));
        }
        if (wrong > 0) {
            System.err.println(wrong + " reads saw an inconsistent total");
            System.exit(1);
        }
    }
}
