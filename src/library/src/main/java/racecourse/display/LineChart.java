package racecourse.display;

import java.awt.BasicStroke;
import java.awt.Color;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Named series of (x, y) points joined by lines, with optional log axes, drawn to be read from the back of a
 * room: whole-number axes tick in whole numbers; x values too close to tell apart are spaced evenly (and the axis
 * says so); series that meet at a point are nudged apart; a series squeezed against an axis by much larger ones gets
 * its own scale (on the right for small values, on top for a short x range). Not thread-safe while being built.
 */
public final class LineChart extends Chart {
    /** Distinct x values closer than this share of the x range are spaced evenly instead. */
    static final double CROWDED_X = 0.04;
    /** A series whose values (or x span) are below this share of the largest gets its own scale. */
    static final double SQUEEZED = 0.1;
    /** Points of two series closer than this share of the y span at the same x (or on different scales) are nudged apart. */
    static final double OVERLAPPING_Y = 0.03;
    static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
            new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f)};

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

    /** Adds a series; {@code xs} and {@code ys} must have the same length and hold finite numbers. */
    public LineChart series(String name, double[] xs, double[] ys) {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException("series " + name + ": " + xs.length + " x values but " + ys.length + " y values");
        }
        for (int i = 0; i < xs.length; i++) {
            if (!Double.isFinite(xs[i]) || !Double.isFinite(ys[i])) {
                throw new IllegalArgumentException("series " + name + ": point " + i + " (" + xs[i] + ", " + ys[i] + ") is not finite");
            }
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

    private double[] distinctXs() {
        TreeSet<Double> xs = new TreeSet<>();
        for (int i = 0; i < series.size(); i++) {
            if (!onOwnXScale(i)) for (double x : series.get(i).xs) xs.add(x);
        }
        return xs.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Whether some distinct x values are too close to tell apart, so the x axis spaces them evenly. */
    boolean evenlySpacedX() {
        if (logX) return false;
        double[] xs = distinctXs();
        if (xs.length < 3) return false;
        double range = xs[xs.length - 1] - xs[0];
        for (int i = 1; i < xs.length; i++) {
            if (xs[i] - xs[i - 1] < CROWDED_X * range) return true;
        }
        return false;
    }

    private static double span(double[] ys) {
        return Arrays.stream(ys).max().orElse(0) - Arrays.stream(ys).min().orElse(0);
    }

    private static double maxAbs(double[] values) {
        return Arrays.stream(values).map(Math::abs).max().orElse(0);
    }

    /** Whether a series is squeezed flat against the x axis by much larger ones, so it gets its own y scale (right). */
    boolean onOwnScale(int index) {
        if (logY || series.size() < 2) return false;
        double all = maxAbs(series.stream().flatMapToDouble(s -> Arrays.stream(s.ys)).toArray());
        Series own = series.get(index);
        if (span(own.ys) == 0 || maxAbs(own.ys) >= SQUEEZED * all) return false;
        return series.stream().anyMatch(s -> maxAbs(s.ys) >= SQUEEZED * all);
    }

    /** Whether a series is squeezed against the y axis by much wider ones, so it gets its own x scale (top). */
    boolean onOwnXScale(int index) {
        if (logX || series.size() < 2) return false;
        double all = span(series.stream().flatMapToDouble(s -> Arrays.stream(s.xs)).toArray());
        double own = span(series.get(index).xs);
        if (own == 0 || own >= SQUEEZED * all) return false;
        return series.stream().anyMatch(s -> span(s.xs) >= SQUEEZED * all);
    }

    private boolean whole(java.util.function.Predicate<Integer> onSide, boolean xs) {
        for (int i = 0; i < series.size(); i++) {
            double[] values = xs ? series.get(i).xs : series.get(i).ys;
            if (onSide.test(i) && !Arrays.stream(values).allMatch(v -> v == Math.rint(v))) return false;
        }
        return true;
    }

    /** The x offset, in axis units, that nudges series {@code index} off the others where their points meet. */
    double nudge(int index) {
        if (series.size() < 2) return 0;
        double ySpan = span(series.stream().flatMapToDouble(s -> Arrays.stream(s.ys)).toArray());
        boolean meet = false;
        for (int a = 0; a < series.size() && !meet; a++) {
            for (int b = a + 1; b < series.size() && !meet; b++) {
                Series sa = series.get(a), sb = series.get(b);
                boolean differentScales = onOwnScale(a) != onOwnScale(b) || onOwnXScale(a) != onOwnXScale(b);
                for (int i = 0; i < sa.xs.length && !meet; i++) {
                    for (int j = 0; j < sb.xs.length; j++) {
                        if (sa.xs[i] == sb.xs[j] && (differentScales || Math.abs(sa.ys[i] - sb.ys[j]) <= OVERLAPPING_Y * Math.max(ySpan, 1e-300))) {
                            meet = true;
                            break;
                        }
                    }
                }
            }
        }
        if (!meet) return 0;
        double step;
        if (logX) {
            step = 0;
        } else if (onOwnXScale(index)) {
            step = 0.012 * span(series.get(index).xs);
        } else if (evenlySpacedX()) {
            step = 0.08;
        } else {
            double[] xs = distinctXs();
            step = 0.012 * (xs.length > 1 ? xs[xs.length - 1] - xs[0] : 1);
        }
        return (index - (series.size() - 1) / 2.0) * step;
    }

    @Override
    JFreeChart build() {
        boolean even = evenlySpacedX();
        double[] distinct = distinctXs();
        // dataset index = (own x scale ? 2 : 0) + (own y scale ? 1 : 0)
        XYSeriesCollection[] data = new XYSeriesCollection[4];
        XYLineAndShapeRenderer[] renderers = new XYLineAndShapeRenderer[4];
        List<String> rightNames = new ArrayList<>();
        List<String> topNames = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            boolean ownY = onOwnScale(i);
            boolean ownX = onOwnXScale(i);
            String name = s.name + (ownY ? " (right scale)" : "") + (ownX ? " (top scale)" : "");
            XYSeries xy = new XYSeries(name, false, true);
            double shift = nudge(i);
            for (int p = 0; p < s.xs.length; p++) {
                double x = even && !ownX ? Arrays.binarySearch(distinct, s.xs[p]) : s.xs[p];
                xy.add(x + shift, s.ys[p]);
            }
            int d = (ownX ? 2 : 0) + (ownY ? 1 : 0);
            if (data[d] == null) {
                data[d] = new XYSeriesCollection();
                renderers[d] = new XYLineAndShapeRenderer(true, true);
            }
            int k = data[d].getSeriesCount();
            data[d].addSeries(xy);
            renderers[d].setSeriesPaint(k, PALETTE[i % PALETTE.length]);
            boolean own = ownX || ownY;
            renderers[d].setSeriesStroke(k, new BasicStroke(own ? 2.5f : 2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND,
                    1f, own ? new float[] {8f, 5f} : null, 0f));
            if (ownY) rightNames.add(s.name);
            if (ownX) topNames.add(s.name);
        }
        ValueAxis xAxis;
        if (even) {
            String[] symbols = Arrays.stream(distinct).mapToObj(Chart::format).toArray(String[]::new);
            SymbolAxis axis = new SymbolAxis(xLabel + " (values spaced evenly)", symbols);
            axis.setGridBandsVisible(false);
            axis.setRange(-0.5, distinct.length - 0.5);
            xAxis = axis;
        } else {
            xAxis = axis(xLabel, logX);
            if (whole(i -> !onOwnXScale(i), true) && xAxis instanceof NumberAxis numbers) {
                numbers.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            }
        }
        style(xAxis);
        ValueAxis yAxis = axis(yLabel, logY);
        if (whole(i -> !onOwnScale(i), false) && yAxis instanceof NumberAxis numbers) {
            numbers.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        style(yAxis);
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(0, xAxis);
        plot.setRangeAxis(0, yAxis);
        if (!rightNames.isEmpty()) {
            NumberAxis rightAxis = (NumberAxis) axis(String.join(", ", rightNames) + ": " + yLabel, false);
            if (whole(this::onOwnScale, false)) rightAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            style(rightAxis);
            colourFor(rightAxis, rightNames);
            plot.setRangeAxis(1, rightAxis);
        }
        if (!topNames.isEmpty()) {
            NumberAxis topAxis = (NumberAxis) axis(String.join(", ", topNames) + ": " + xLabel, false);
            if (whole(this::onOwnXScale, true)) topAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            style(topAxis);
            colourFor(topAxis, topNames);
            plot.setDomainAxis(1, topAxis);
        }
        int next = 0;
        for (int d = 0; d < 4; d++) {
            if (data[d] == null) continue;
            plot.setDataset(next, data[d]);
            plot.setRenderer(next, renderers[d]);
            plot.mapDatasetToDomainAxis(next, d >= 2 ? 1 : 0);
            plot.mapDatasetToRangeAxis(next, d % 2 == 1 ? 1 : 0);
            next++;
        }
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title(), TITLE_FONT, plot, false);
        if (series.size() > 1) {
            LegendTitle legend = new LegendTitle(plot);
            legend.setItemFont(TICK_FONT);
            chart.addLegend(legend);
        }
        return chart;
    }

    private void colourFor(NumberAxis axis, List<String> names) {
        if (names.size() != 1) return;
        Color colour = PALETTE[series.stream().map(Series::name).toList().indexOf(names.getFirst()) % PALETTE.length];
        axis.setLabelPaint(colour);
        axis.setTickLabelPaint(colour);
    }

    private static ValueAxis axis(String label, boolean log) {
        if (!log) {
            NumberAxis axis = new NumberAxis(label);
            axis.setAutoRangeIncludesZero(false);
            axis.setNumberFormatOverride(new DecimalFormat("#,##0.###"));
            return axis;
        }
        LogAxis axis = new LogAxis(label + " (log scale)");
        axis.setNumberFormatOverride(new DecimalFormat("#,##0.###"));
        return axis;
    }

    @Override
    public String summary() {
        StringBuilder out = new StringBuilder(title()).append('\n');
        out.append("  (").append(xLabel).append(" -> ").append(yLabel).append(")\n");
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            out.append("  ").append(s.name).append(onOwnScale(i) ? " (right scale)" : "")
                    .append(onOwnXScale(i) ? " (top scale)" : "").append(":");
            for (int p = 0; p < s.xs.length; p++) {
                out.append(' ').append(format(s.xs[p])).append("->").append(format(s.ys[p]));
            }
            out.append('\n');
        }
        return out.toString().stripTrailing();
    }
}
