package racecourse.patterns.rwlock;

import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;
import racecourse.measure.Timing;

/**
 * One run of lesson 05's timed sweep, meant for a child JVM started by {@link Timing} (with {@link #args}): warms up every board, then
 * measures each board at every thread count and read share given and prints a {@code measure} line of operations
 * per ms per point (named by {@link Throughput#pointName}), followed by one line per point counting the reads that
 * saw an inconsistent total (named by {@link Throughput#wrongTotalsName}). Thread-safe (a main; its state is its own).
 */
public final class ThroughputTiming {
    /** How long each board is warmed up before anything is recorded. */
    static final Duration WARM_UP = Duration.ofMillis(150);

    private ThroughputTiming() {
    }

    /** The arguments of {@link #main} for a board size, thread counts, read shares and time per point. */
    public static String[] args(int boardSize, int[] threadCounts, double[] readShares, Duration timePerPoint) {
        if (boardSize < 2 || threadCounts.length == 0 || readShares.length == 0) {
            throw new IllegalArgumentException("need a board of at least 2 prices, a thread count and a read share");
        }
        return new String[] {Integer.toString(boardSize),
                Arrays.stream(threadCounts).mapToObj(Integer::toString).collect(Collectors.joining(",")),
                Arrays.stream(readShares).mapToObj(Double::toString).collect(Collectors.joining(",")),
                Long.toString(timePerPoint.toMillis())};
    }

    /** Arguments: board size, thread counts (comma-separated), read shares (0 to 1, comma-separated), ms per point. */
    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: ThroughputTiming BOARD_SIZE THREADS,... READ_SHARE,... MILLIS_PER_POINT");
            System.exit(2);
        }
        int size = Integer.parseInt(args[0]);
        int[] threadCounts = Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray();
        double[] shares = Arrays.stream(args[2].split(",")).mapToDouble(Double::parseDouble).toArray();
        Duration time = Duration.ofMillis(Long.parseLong(args[3]));
        for (PriceBoards.Variant v : PriceBoards.variants()) Throughput.measure(v.name(), v.make(size), 2, 0.9, WARM_UP);
        StringBuilder wrong = new StringBuilder();
        for (int threads : threadCounts) {
            for (double share : shares) {
                for (PriceBoards.Variant v : PriceBoards.variants()) {
                    Throughput.Point p = Throughput.measure(v.name(), v.make(size), threads, share, time);
                    System.out.println(Timing.line(Throughput.pointName(v.name(), threads, share), p.opsPerMs()));
                    wrong.append(Timing.line(Throughput.wrongTotalsName(v.name(), threads, share), p.wrongTotals()))
                            .append('\n');
                }
            }
        }
        System.out.print(wrong);
    }
}
