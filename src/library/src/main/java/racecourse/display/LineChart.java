package racecourse.display;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Named series of (x, y) points joined by lines, with optional log axes. Not thread-safe while being built. */
public final class LineChart extends Chart {
    private record Series(String name, double[] xs, double[] ys) {
    }

    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private boolean logX;
    private boolean logY;

    private LineChart(String title, String xLabel, String yLabel) {
        super(title);
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** An empty line chart with its title and axis labels. */
    public static LineChart of(String title, String xLabel, String yLabel) {
        return new LineChart(title, xLabel, yLabel);
    }

    /** Adds a series; {@code xs} and {@code ys} must have the same length. */
    public LineChart series(String name, double[] xs, double[] ys) {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException("series " + name + ": " + xs.length + " x values but " + ys.length + " y values");
        }
        series.add(new Series(name, xs.clone(), ys.clone()));
        return this;
    }

    /** Uses logarithmic axes. */
    public LineChart logAxes(boolean x, boolean y) {
        this.logX = x;
        this.logY = y;
        return this;
    }

    @Override
    JFreeChart build() {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Series s : series) {
            XYSeries xy = new XYSeries(s.name, false, true);
            for (int i = 0; i < s.xs.length; i++) xy.add(s.xs[i], s.ys[i]);
            data.addSeries(xy);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < series.size(); i++) renderer.setSeriesStroke(i, new BasicStroke(2f));
        ValueAxis xAxis = axis(xLabel, logX);
        boolean wholeXs = series.stream().allMatch(sr -> java.util.Arrays.stream(sr.xs).allMatch(x -> x == Math.rint(x)));
        if (wholeXs && xAxis instanceof NumberAxis numbers) numbers.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = new XYPlot(data, xAxis, axis(yLabel, logY), renderer);
        plot.setRangeGridlinePaint(java.awt.Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(java.awt.Color.LIGHT_GRAY);
        return new JFreeChart(title(), JFreeChart.DEFAULT_TITLE_FONT, plot, series.size() > 1);
    }

    private static ValueAxis axis(String label, boolean log) {
        if (!log) {
            NumberAxis axis = new NumberAxis(label);
            axis.setAutoRangeIncludesZero(false);
            return axis;
        }
        return new LogAxis(label + " (log scale)");
    }

    @Override
    public String summary() {
        StringBuilder out = new StringBuilder(title()).append('\n');
        out.append("  (").append(xLabel).append(" -> ").append(yLabel).append(")\n");
        for (Series s : series) {
            out.append("  ").append(s.name).append(":");
            for (int i = 0; i < s.xs.length; i++) {
                out.append(' ').append(format(s.xs[i])).append("->").append(format(s.ys[i]));
            }
            out.append('\n');
        }
        return out.toString().stripTrailing();
    }
}
