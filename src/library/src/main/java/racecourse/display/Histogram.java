package racecourse.display;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/** Counts how often each value occurs and draws the counts as bars. Thread-safe (static methods only). */
public final class Histogram {
    /** The most bars drawn with empty bins filled in; wider ranges show only the bins that hold observations. */
    public static final int MAX_BARS = 60;

    private Histogram() {
    }

    /**
     * A frequency table of whole-number observations: columns {@code value} and {@code count}, one row per
     * distinct value in ascending order, or per bin of {@code binWidth} values when there are many.
     */
    public static Table frequencies(String name, long[] observations, long binWidth) {
        if (binWidth < 1) throw new IllegalArgumentException("binWidth must be at least 1");
        Map<Long, Integer> counts = new TreeMap<>();
        for (long x : observations) counts.merge(Math.floorDiv(x, binWidth) * binWidth, 1, Integer::sum);
        Table table = Table.create(name);
        table.addColumns(
                tech.tablesaw.api.LongColumn.create("value", counts.keySet().stream().mapToLong(Long::longValue).toArray()),
                IntColumn.create("count", counts.values().stream().mapToInt(Integer::intValue).toArray()));
        return table;
    }

    /** A frequency table with one row per distinct value. */
    public static Table frequencies(String name, long[] observations) {
        return frequencies(name, observations, 1);
    }

    /** A histogram of the {@code column} of {@code table}, binned in steps of {@code binWidth}. */
    public static BarChart of(Table table, String column, long binWidth, String title) {
        NumericColumn<?> values = table.numberColumn(column);
        long[] data = new long[values.size()];
        for (int i = 0; i < data.length; i++) data[i] = Math.round(values.getDouble(i));
        return of(data, binWidth, title, column);
    }

    /** A histogram of whole-number observations, one bar per bin of {@code binWidth} values. */
    public static BarChart of(long[] observations, long binWidth, String title, String valueLabel) {
        Table freq = frequencies(title, observations, binWidth);
        BarChart chart = BarChart.of(title, valueLabel, "count");
        TreeMap<Long, Integer> counts = new TreeMap<>();
        for (int row = 0; row < freq.rowCount(); row++) {
            counts.put(freq.longColumn("value").getLong(row), freq.intColumn("count").getInt(row));
        }
        if (!counts.isEmpty()) {
            long first = counts.firstKey();
            long last = counts.lastKey();
            boolean fillGaps = (last - first) / binWidth <= MAX_BARS; // empty bins are part of the picture
            for (long low = first; low <= last; low += binWidth) {
                if (!fillGaps && !counts.containsKey(low)) continue;
                String label = binWidth == 1 ? Long.toString(low) : low + "–" + (low + binWidth - 1);
                chart.bar(label, counts.getOrDefault(low, 0));
            }
        }
        long[] sorted = observations.clone();
        Arrays.sort(sorted);
        if (sorted.length > 0) {
            chart.note(String.format("%d observations: min %d, median %d, max %d", sorted.length,
                    sorted[0], sorted[sorted.length / 2], sorted[sorted.length - 1]));
        }
        return chart;
    }
}
