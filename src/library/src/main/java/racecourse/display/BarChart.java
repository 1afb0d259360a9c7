package racecourse.display;

import java.awt.Color;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * Bars, one per category, each with its own colour and an optional legend group; a log value axis on request
 * (zero-height bars are then drawn at the axis floor). Not thread-safe while being built.
 */
public final class BarChart extends Chart {
    private record Bar(String category, double value, Color colour, String group) {
    }

    private final String categoryLabel;
    private final String valueLabel;
    private final List<Bar> bars = new ArrayList<>();
    private boolean logScale;
    private boolean autoLog;
    private String note = "";
    private boolean wholeNumbers;

    private BarChart(String title, String categoryLabel, String valueLabel) {
        super(title);
        this.categoryLabel = categoryLabel;
        this.valueLabel = valueLabel;
    }

    /** An empty bar chart with its title and axis labels. */
    public static BarChart of(String title, String categoryLabel, String valueLabel) {
        return new BarChart(title, categoryLabel, valueLabel);
    }

    /** A bar chart of one numeric column against a category column of a Tablesaw table. */
    public static BarChart of(Table table, String categoryColumn, String valueColumn) {
        BarChart chart = of(table.name(), categoryColumn, valueColumn);
        NumericColumn<?> values = table.numberColumn(valueColumn);
        for (int row = 0; row < table.rowCount(); row++) {
            chart.bar(table.column(categoryColumn).getString(row), values.getDouble(row));
        }
        return chart;
    }

    /** Adds a bar in the default colour. */
    public BarChart bar(String category, double value) {
        return bar(category, value, ACCENT, null);
    }

    /** Adds a bar in a colour; bars that share a non-null group share one legend entry. */
    public BarChart bar(String category, double value, Color colour, String group) {
        bars.add(new Bar(category, value, colour, group));
        return this;
    }

    /** Uses a logarithmic value axis. */
    public BarChart logScale(boolean on) {
        this.logScale = on;
        this.autoLog = false;
        return this;
    }

    /** Uses a logarithmic value axis when the non-zero values span more than two decades. */
    public BarChart logScaleWhenWide() {
        this.autoLog = true;
        return this;
    }

    /** Ticks the value axis in whole numbers only (for counts). */
    public BarChart wholeNumbers() {
        this.wholeNumbers = true;
        return this;
    }

    /** A line of text added to the summary below the numbers. */
    public BarChart note(String note) {
        this.note = note;
        return this;
    }

    /** Whether the value axis will be logarithmic. */
    public boolean usesLogScale() {
        if (!autoLog) return logScale;
        double min = Double.MAX_VALUE;
        double max = 0;
        for (Bar bar : bars) {
            if (bar.value > 0) {
                min = Math.min(min, bar.value);
                max = Math.max(max, bar.value);
            }
        }
        return max > 0 && max / min > 100;
    }

    @Override
    JFreeChart build() {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        boolean log = usesLogScale();
        for (Bar bar : bars) {
            data.addValue(log && bar.value <= 0 ? null : bar.value, "values", bar.category);
        }
        CategoryAxis categories = new CategoryAxis(categoryLabel);
        if (bars.size() > 8) categories.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        ValueAxis values;
        if (log) {
            LogAxis axis = new LogAxis(valueLabel + " (log scale)");
            axis.setSmallestValue(0.5);
            axis.setBase(10);
            axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            values = axis;
        } else {
            NumberAxis axis = new NumberAxis(valueLabel);
            if (wholeNumbers) axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            values = axis;
        }
        List<Color> colours = bars.stream().map(Bar::colour).toList();
        BarRenderer renderer = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return colours.get(column);
            }
        };
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setMaximumBarWidth(0.12);
        CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        Map<String, Color> groups = new LinkedHashMap<>();
        for (Bar bar : bars) {
            if (bar.group != null) groups.putIfAbsent(bar.group, bar.colour);
        }
        LegendItemCollection legend = new LegendItemCollection();
        groups.forEach((name, colour) -> legend.add(new LegendItem(name, colour)));
        plot.setFixedLegendItems(legend);
        JFreeChart chart = new JFreeChart(title(), JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        if (!groups.isEmpty()) chart.addLegend(new LegendTitle(plot));
        return chart;
    }

    @Override
    public String summary() {
        StringBuilder out = new StringBuilder(title()).append('\n');
        int width = bars.stream().mapToInt(b -> b.category.length()).max().orElse(0);
        for (Bar bar : bars) {
            out.append("  ").append(String.format("%-" + Math.max(1, width) + "s", bar.category))
                    .append("  ").append(format(bar.value));
            if (bar.group != null) out.append("  (").append(bar.group).append(')');
            out.append('\n');
        }
        if (!note.isEmpty()) out.append(note).append('\n');
        return out.toString().stripTrailing();
    }
}
