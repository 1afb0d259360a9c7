package racecourse.display;

import java.awt.Color;
import java.awt.Paint;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * Bars, one per category, each with its own colour and an optional legend group, drawn to be read from the back
 * of a room: whole-number values get whole-number ticks, a value axis that would hide a rare bar beside a common
 * one turns logarithmic (unless a scale is chosen), every non-zero bar is at least a few pixels long and carries
 * its value, and long or many labels turn the bars sideways so that no label is cut. Not thread-safe while being
 * built.
 */
public final class BarChart extends Chart {
    /** Bars are drawn sideways above this many categories. */
    static final int MAX_UPRIGHT_BARS = 12;
    /** Bars carry their value as a label up to this many categories. */
    static final int MAX_LABELLED_BARS = 24;
    /** Lines a category label may wrap onto. */
    static final int LABEL_LINES = 3;
    /** The shortest a non-zero bar is drawn, in pixels. */
    static final double MIN_BAR_PIXELS = 3;
    /** A linear axis hides bars smaller than the largest by more than this factor, so the axis turns logarithmic. */
    static final double WIDE_RATIO = 100;

    private record Bar(String category, double value, Color colour, String group) {
    }

    private final String categoryLabel;
    private final String valueLabel;
    private final List<Bar> bars = new ArrayList<>();
    private boolean logScale;
    private boolean autoLog = true;
    private String note = "";
    private FittedCategoryAxis lastCategoryAxis;
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
        if (category == null) throw new IllegalArgumentException("a bar needs a category label");
        if (!Double.isFinite(value)) throw new IllegalArgumentException("bar " + category + ": value " + value + " is not a finite number");
        if (value < 0 && logScale) throw new IllegalArgumentException("bar " + category + ": a log scale cannot show " + value);
        bars.add(new Bar(category, value, colour, group));
        return this;
    }

    /** Uses a logarithmic value axis (true) or a linear one (false), whatever the values. */
    public BarChart logScale(boolean on) {
        this.logScale = on;
        this.autoLog = false;
        return this;
    }

    /** Uses a logarithmic value axis when a linear one would hide small bars (the default). */
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
            if (bar.value < 0) return false;
            if (bar.value > 0) {
                min = Math.min(min, bar.value);
                max = Math.max(max, bar.value);
            }
        }
        return max > 0 && max / min > WIDE_RATIO;
    }

    /** Whether every value is a whole number, so the value axis ticks in whole numbers. */
    boolean wholeValues() {
        return bars.stream().allMatch(b -> b.value == Math.rint(b.value));
    }

    /** Whether the bars are drawn sideways, with their labels at the left, because they are many or long. */
    boolean sideways() {
        return FittedCategoryAxis.needsSideways(bars.stream().map(Bar::category).toList(), width());
    }

    @Override
    int drawnHeight() {
        return sideways() ? FittedCategoryAxis.sidewaysHeight(bars.size(), height()) : height();
    }

    /** The category axis of the chart drawn last, with the labels it laid out. */
    FittedCategoryAxis lastCategoryAxis() {
        return lastCategoryAxis;
    }

    @Override
    JFreeChart build() {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        boolean log = usesLogScale();
        boolean sideways = sideways();
        for (Bar bar : bars) {
            data.addValue(bar.value == 0 ? null : bar.value, "values", bar.category);
        }
        FittedCategoryAxis categories = new FittedCategoryAxis(categoryLabel);
        style(categories);
        categories.setMaximumCategoryLabelLines(LABEL_LINES);
        if (sideways) categories.fitSideways(bars.stream().map(Bar::category).toList(), width());
        ValueAxis values;
        if (log) {
            LogAxis axis = new LogAxis(valueLabel + " (log scale)");
            axis.setSmallestValue(0.5);
            axis.setBase(10);
            axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            axis.setNumberFormatOverride(new DecimalFormat("#,##0.###"));
            values = axis;
        } else {
            NumberAxis axis = new NumberAxis(valueLabel);
            if (wholeNumbers || wholeValues()) axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            axis.setNumberFormatOverride(new DecimalFormat("#,##0.###"));
            if (bars.stream().allMatch(b -> b.value == 0)) axis.setRange(0, 1);
            values = axis;
        }
        style(values);
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
        renderer.setMaximumBarWidth(sideways ? 0.5 : 0.12);
        renderer.setMinimumBarLength(MIN_BAR_PIXELS);
        if (bars.size() <= MAX_LABELLED_BARS) {
            renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat("#,##0.###")));
            renderer.setDefaultItemLabelsVisible(true);
            renderer.setDefaultItemLabelFont(TICK_FONT);
            if (sideways) {
                renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
            }
            values.setUpperMargin(log ? 0.25 : 0.15);
        }
        CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
        plot.setOrientation(sideways ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL);
        plot.setRangeAxisLocation(sideways ? AxisLocation.BOTTOM_OR_RIGHT : AxisLocation.BOTTOM_OR_LEFT);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        Map<String, Color> groups = new LinkedHashMap<>();
        for (Bar bar : bars) {
            if (bar.group != null) groups.putIfAbsent(bar.group, bar.colour);
        }
        LegendItemCollection legend = new LegendItemCollection();
        groups.forEach((name, colour) -> legend.add(new LegendItem(name, colour)));
        plot.setFixedLegendItems(legend);
        JFreeChart chart = new JFreeChart(title(), TITLE_FONT, plot, false);
        if (!groups.isEmpty()) {
            LegendTitle legendTitle = new LegendTitle(plot);
            legendTitle.setItemFont(TICK_FONT);
            chart.addLegend(legendTitle);
        }
        lastCategoryAxis = categories;
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
