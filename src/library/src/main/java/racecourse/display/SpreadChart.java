package racecourse.display;

import java.awt.Color;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;

/**
 * Repeated measurements of several variants: one box per variant spanning the interquartile range, a line at the
 * median, and whiskers to the smallest and largest run, so a reader sees the spread beside the typical value.
 * Long or many labels turn the boxes sideways, so no label is cut (as in {@link BarChart}). Not thread-safe while being built.
 */
public final class SpreadChart extends Chart {
    private record Variant(String name, double min, double q1, double median, double q3, double max) {
    }

    private final String categoryLabel;
    private final String valueLabel;
    private final List<Variant> variants = new ArrayList<>();
    private FittedCategoryAxis lastCategoryAxis;

    private SpreadChart(String title, String categoryLabel, String valueLabel) {
        super(title);
        this.categoryLabel = categoryLabel;
        this.valueLabel = valueLabel;
    }

    /** An empty spread chart with its title and axis labels. */
    public static SpreadChart of(String title, String categoryLabel, String valueLabel) {
        return new SpreadChart(title, categoryLabel, valueLabel);
    }

    /** Adds a variant by its five-number summary, which must be in order. */
    public SpreadChart variant(String name, double min, double q1, double median, double q3, double max) {
        if (!(min <= q1 && q1 <= median && median <= q3 && q3 <= max)) {
            throw new IllegalArgumentException(name + ": min, q1, median, q3, max must be in order, got "
                    + List.of(min, q1, median, q3, max));
        }
        variants.add(new Variant(name, min, q1, median, q3, max));
        return this;
    }

    /** The category axis of the chart drawn last, with the labels it laid out. */
    FittedCategoryAxis lastCategoryAxis() {
        return lastCategoryAxis;
    }

    /** Whether the variants are drawn sideways, with their labels at the left, because they are many or long. */
    boolean sideways() {
        return FittedCategoryAxis.needsSideways(variants.stream().map(Variant::name).toList(), width());
    }

    @Override
    int drawnHeight() {
        return sideways() ? FittedCategoryAxis.sidewaysHeight(variants.size(), height()) : height();
    }

    @Override
    JFreeChart build() {
        DefaultBoxAndWhiskerCategoryDataset data = new DefaultBoxAndWhiskerCategoryDataset();
        for (Variant v : variants) {
            data.add(new BoxAndWhiskerItem(v.median, v.median, v.q1, v.q3, v.min, v.max, v.min, v.max, List.of()), "runs", v.name);
        }
        FittedCategoryAxis categories = new FittedCategoryAxis(categoryLabel);
        categories.setMaximumCategoryLabelLines(BarChart.LABEL_LINES);
        style(categories);
        boolean sideways = sideways();
        if (sideways) categories.fitSideways(variants.stream().map(Variant::name).toList(), width());
        NumberAxis values = new NumberAxis(valueLabel);
        values.setAutoRangeIncludesZero(false);
        values.setNumberFormatOverride(new DecimalFormat("#,##0.###"));
        style(values);
        BoxAndWhiskerRenderer renderer = new BoxAndWhiskerRenderer();
        renderer.setMeanVisible(false);
        renderer.setMedianVisible(true);
        renderer.setMaximumBarWidth(0.15);
        renderer.setSeriesPaint(0, new Color(0x9ecae1));
        renderer.setSeriesOutlinePaint(0, ACCENT);
        renderer.setUseOutlinePaintForWhiskers(true);
        CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        if (sideways) {
            plot.setOrientation(PlotOrientation.HORIZONTAL);
            plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        }
        lastCategoryAxis = categories;
        return new JFreeChart(title(), TITLE_FONT, plot, false);
    }

    @Override
    public String summary() {
        StringBuilder out = new StringBuilder(title()).append('\n');
        for (Variant v : variants) {
            out.append("  ").append(v.name).append(": median ").append(format(v.median)).append(", IQR ").append(format(v.q1))
                    .append("–").append(format(v.q3)).append(", range ").append(format(v.min)).append("–").append(format(v.max)).append('\n');
        }
        return out.toString().stripTrailing();
    }
}
