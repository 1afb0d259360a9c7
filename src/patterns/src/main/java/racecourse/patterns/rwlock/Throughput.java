package racecourse.patterns.rwlock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import racecourse.display.LineChart;
import racecourse.measure.Measurement;
import racecourse.measure.Summary;
import racecourse.process.ChildJvm;
import racecourse.experiment.TimedRun;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The lesson 5 measurement: several threads hammer one {@link PriceBoard} for a fixed time, each operation a
 * read ({@link PriceBoard#total}) with a given probability and otherwise a write ({@link PriceBoard#move}); the
 * result is operations per millisecond. Every read also checks that the total is what it must be, so the
 * measurement doubles as a correctness check. A benchmark, not a test: numbers depend on the machine and on what
 * else it is doing. Thread-safe (each call uses its own threads).
 */
public final class Throughput {
    /** The total every board starts with and keeps, since moves do not change it. */
    public static final long TOTAL = 1_000_000;

    private Throughput() {
    }

    /**
     * One measured point.
     *
     * @param board the variant's name
     * @param threads threads that shared the board
     * @param readShare fraction of operations that were reads (0 to 1)
     * @param opsPerMs operations completed per millisecond, all threads together
     * @param wrongTotals reads whose total was not {@link #TOTAL} (0 for every thread-safe board)
     */
    public record Point(String board, int threads, double readShare, double opsPerMs, long wrongTotals) {
    }

    /** Measures one board for {@code time} with {@code threads} threads and a share of {@code readShare} reads. */
    public static Point measure(String name, PriceBoard board, int threads, double readShare, Duration time) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        if (!(readShare >= 0 && readShare <= 1)) throw new IllegalArgumentException("readShare must be in [0, 1], got " + readShare);
        int size = board.size();
        if (size < 2) throw new IllegalArgumentException("the board needs at least two prices to move money between");
        for (int i = 0; i < size; i++) board.set(i, 0);
        board.set(0, TOTAL);
        long readThreshold = (long) (readShare * (1L << 24));
        TimedRun run = new TimedRun(threads);
        AtomicLong ops = new AtomicLong();
        AtomicLong wrong = new AtomicLong();
        List<Thread> workers = new ArrayList<>(threads);
        for (int w = 0; w < threads; w++) {
            long seed = 0x9E3779B97F4A7C15L * (w + 1);
            workers.add(Thread.ofPlatform().name("board-user-" + w).start(() -> {
                long x = seed;
                long done = 0;
                long bad = 0;
                run.ready();
                while (!run.over()) {
                    x ^= x << 13;
                    x ^= x >>> 7;
                    x ^= x << 17; // xorshift: a cheap private random stream per thread
                    if ((x & 0xFFFFFF) < readThreshold) {
                        if (board.total() != TOTAL) bad++;
                    } else {
                        int from = (int) ((x >>> 24) & 0x7FFFFFFF) % size;
                        int to = (int) ((x >>> 40) & 0x7FFFFF) % size;
                        board.move(from, to, 1);
                    }
                    done++;
                }
                ops.addAndGet(done);
                wrong.addAndGet(bad);
            }));
        }
        double ms = run.runFor(workers, time);
        return new Point(name, threads, readShare, ops.get() / ms, wrong.get());
    }

    /** Measures every variant of {@link PriceBoards#variants()} for every thread count and read share. */
    public static Table sweep(int boardSize, int[] threadCounts, double[] readShares, Duration timePerPoint) {
        return table(points(boardSize, threadCounts, readShares, timePerPoint));
    }

    private static List<Point> points(int boardSize, int[] threadCounts, double[] readShares, Duration timePerPoint) {
        List<Point> points = new ArrayList<>();
        for (PriceBoards.Variant variant : PriceBoards.variants()) { // warm-up, not recorded
            measure(variant.name(), variant.make(boardSize), 2, 0.9, ThroughputTiming.WARM_UP);
        }
        for (int threads : threadCounts) {
            for (double share : readShares) {
                for (PriceBoards.Variant variant : PriceBoards.variants()) {
                    points.add(measure(variant.name(), variant.make(boardSize), threads, share, timePerPoint));
                }
            }
        }
        return points;
    }

    /** Longest an isolated sweep may take before its JVM is ended. */
    static final Duration ISOLATED_SWEEP_LIMIT = Duration.ofMinutes(10);

    /**
     * Runs {@link #sweep} in a separate JVM with no agents, so that the numbers are not distorted by the
     * instrumentation a notebook's JVM may carry (the race detector's, for example), and returns its table.
     */
    public static Table sweepIsolated(int boardSize, int[] threadCounts, double[] readShares, Duration timePerPoint) {
        if (boardSize < 2 || threadCounts.length == 0 || readShares.length == 0) {
            throw new IllegalArgumentException("need a board of at least 2 prices, a thread count and a read share");
        }
        String output = ChildJvm.run(Throughput.class, List.of("-XX:+UseSerialGC"), List.of(Integer.toString(boardSize),
                java.util.Arrays.stream(threadCounts).mapToObj(Integer::toString).collect(java.util.stream.Collectors.joining(",")),
                java.util.Arrays.stream(readShares).mapToObj(Double::toString).collect(java.util.stream.Collectors.joining(",")),
                Long.toString(timePerPoint.toMillis())), ISOLATED_SWEEP_LIMIT).orThrow().out();
        List<Point> points = new ArrayList<>();
        for (String line : output.strip().split("\\R")) {
            String[] f = line.split("\t");
            if (f.length != 5) throw new IllegalStateException("unexpected line from the sweep: '" + line + "'");
            points.add(new Point(f[0], Integer.parseInt(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                    Long.parseLong(f[4])));
        }
        return table(points);
    }

    /** The variant name {@link ThroughputTiming} gives one point of one board: "mutex, 2 threads, 99% readers". */
    public static String pointName(String board, int threads, double readShare) {
        return board + ", " + threads + " thread" + (threads == 1 ? "" : "s") + ", "
                + new java.text.DecimalFormat("0.##", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)).format(100 * readShare) + "% readers";
    }

    /** The variant name under which {@link ThroughputTiming} counts one point's reads of an inconsistent total. */
    public static String wrongTotalsName(String board, int threads, double readShare) {
        return "wrong totals: " + pointName(board, threads, readShare);
    }

    /**
     * One row per point of a sweep timed with {@link ThroughputTiming}, in the columns of {@link #table} (the median of the runs in "ops/ms", the
     * wrong totals of all runs added up) plus the runs' range in "min ops/ms" and "max ops/ms". The charts of this
     * class draw the medians.
     */
    public static Table medians(Measurement sweep, int[] threadCounts, double[] readShares) {
        List<Point> medians = new ArrayList<>();
        DoubleColumn low = DoubleColumn.create("min ops/ms");
        DoubleColumn high = DoubleColumn.create("max ops/ms");
        int runs = 0;
        for (int threads : threadCounts) {
            for (double share : readShares) {
                for (PriceBoards.Variant v : PriceBoards.variants()) {
                    Summary s = sweep.summary(pointName(v.name(), threads, share));
                    long wrong = (long) java.util.Arrays.stream(
                            sweep.summary(wrongTotalsName(v.name(), threads, share)).samples()).sum();
                    medians.add(new Point(v.name(), threads, share, s.median(), wrong));
                    low.append(s.min());
                    high.append(s.max());
                    runs = s.count();
                }
            }
        }
        Table table = table(medians);
        table.setName("price board throughput, median of " + runs + " runs");
        return table.addColumns(low, high);
    }

    /**
     * The boards at one point of a sweep timed with {@link ThroughputTiming}, as a measurement of its own whose variants are the boards' names,
     * so that its chart and verdicts compare the boards there.
     */
    public static Measurement at(Measurement sweep, int threads, double readShare) {
        List<Summary> boards = new ArrayList<>();
        for (PriceBoards.Variant v : PriceBoards.variants()) {
            boards.add(new Summary(v.name(), sweep.summary(pointName(v.name(), threads, readShare)).samples()));
        }
        String title = "Operations per ms, " + pointName("", threads, readShare).substring(2);
        return new Measurement(title, sweep.unit(), sweep.better(), boards, sweep.load());
    }

    /**
     * Runs a sweep and prints one tab-separated line per point (board, threads, read share, ops/ms, wrong
     * totals); the entry point of {@link #sweepIsolated}. Arguments: board size, thread counts and read shares
     * (comma-separated), milliseconds per point.
     */
    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: Throughput BOARD_SIZE THREADS,... READ_SHARE,... MILLIS_PER_POINT");
            System.exit(2);
        }
        int size = Integer.parseInt(args[0]);
        int[] threads = java.util.Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray();
        double[] shares = java.util.Arrays.stream(args[2].split(",")).mapToDouble(Double::parseDouble).toArray();
        Duration time = Duration.ofMillis(Long.parseLong(args[3]));
        for (Point p : points(size, threads, shares, time)) {
            System.out.println(String.join("\t", p.board(), Integer.toString(p.threads()), Double.toString(p.readShare()),
                    Double.toString(p.opsPerMs()), Long.toString(p.wrongTotals())));
        }
    }

    /** The points as a table: columns board, threads, readers %, ops/ms, wrong totals. */
    public static Table table(List<Point> points) {
        Table table = Table.create("price board throughput");
        table.addColumns(StringColumn.create("board", points.stream().map(Point::board).toList()),
                IntColumn.create("threads", points.stream().mapToInt(Point::threads).toArray()),
                DoubleColumn.create("readers %", points.stream().mapToDouble(p -> 100 * p.readShare()).toArray()),
                DoubleColumn.create("ops/ms", points.stream().mapToDouble(p -> Math.round(p.opsPerMs())).toArray()),
                IntColumn.create("wrong totals", points.stream().mapToInt(p -> (int) Math.min(Integer.MAX_VALUE, p.wrongTotals())).toArray()));
        return table;
    }

    /** Throughput against the share of readers, one line per board, for one thread count of a sweep table. */
    public static LineChart byReaderShare(Table sweep, int threads) {
        LineChart chart = LineChart.of("Throughput with " + threads + " thread" + (threads == 1 ? "" : "s"),
                "readers (% of operations)", "operations per ms");
        for (PriceBoards.Variant variant : PriceBoards.variants()) {
            Table rows = sweep.where(sweep.stringColumn("board").isEqualTo(variant.name())
                    .and(sweep.intColumn("threads").isEqualTo(threads)));
            chart.series(variant.name(), rows.doubleColumn("readers %").asDoubleArray(),
                    rows.doubleColumn("ops/ms").asDoubleArray());
        }
        return chart;
    }

    /** Throughput against the number of threads, one line per board, for one share of readers of a sweep table. */
    public static LineChart byThreads(Table sweep, double readersPercent) {
        LineChart chart = LineChart.of("Throughput with " + readersPercent + "% readers", "threads", "operations per ms");
        for (PriceBoards.Variant variant : PriceBoards.variants()) {
            Table rows = sweep.where(sweep.stringColumn("board").isEqualTo(variant.name())
                    .and(sweep.doubleColumn("readers %").isEqualTo(readersPercent)));
            double[] threads = rows.intColumn("threads").asList().stream().mapToDouble(Integer::doubleValue).toArray();
            chart.series(variant.name(), threads, rows.doubleColumn("ops/ms").asDoubleArray());
        }
        return chart;
    }
}
