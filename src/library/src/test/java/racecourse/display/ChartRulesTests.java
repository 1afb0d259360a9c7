package racecourse.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Renders every chart type with extreme data and checks, from the JFreeChart model and the layout it drew, the
 * rules a room needs: whole ticks on count axes, no bar too small to see, no label cut or wider than its space,
 * no two points on top of each other, no series squeezed flat. The PNGs land in target/chart-rules/ for a look.
 */
class ChartRulesTests {
    private static final String LONG = "volatile double-checked locking with a very long name ×2";

    static List<BarChart> barCases() {
        List<BarChart> cases = new ArrayList<>();
        cases.add(BarChart.of("one category", "outcome", "samples").bar("only", 7));
        cases.add(BarChart.of("a billion against one", "outcome", "samples").bar("common", 1_000_000_000).bar("rare", 1));
        cases.add(BarChart.of("all zeros", "bank", "deposits lost").bar("a", 0).bar("b", 0).bar("c", 0));
        cases.add(BarChart.of("small counts", "bank", "trials").bar("a", 0).bar("b", 1).bar("c", 3));
        cases.add(BarChart.of("long labels", "variant and threads", "ns per call")
                .bar("lock ×1", 22.5).bar(LONG, 69.25).bar("holder ×1", 3.1).bar("volatile DCL ×2", 14)
                .bar("racy ×1", 1.2).bar("racy ×2", 1.4).bar("holder ×2", 3.3).bar("lock ×2", 80));
        BarChart fifty = BarChart.of("fifty categories", "outcome", "samples");
        for (int i = 0; i < 50; i++) fifty.bar("outcome number " + i + (i % 7 == 0 ? " with a long description" : ""), i * i % 97);
        cases.add(fifty);
        cases.add(Histogram.of(new long[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 250_000}, 1, "wide histogram", "lost"));
        cases.add(Histogram.of(new long[] {3, 3, 4}, 1, "tiny histogram", "lost"));
        return cases;
    }

    static List<LineChart> lineCases() {
        List<LineChart> cases = new ArrayList<>();
        double[] shares = {10, 50, 90, 99, 100};
        cases.add(LineChart.of("overlapping points", "readers (% of operations)", "operations per ms")
                .series("mutex", shares, new double[] {900, 950, 1000, 1010, 1012})
                .series("read/write lock", shares, new double[] {500, 700, 1000, 1010, 1300})
                .series("StampedLock", shares, new double[] {800, 900, 1000, 2000, 2100}));
        cases.add(LineChart.of("squeezed line", "operations", "errors")
                .series("big", new double[] {0, 1000, 2000, 4000}, new double[] {40, 900, 1400, 2400})
                .series("small", new double[] {0, 1000, 2000, 4000}, new double[] {0, 2, 3, 7}));
        cases.add(LineChart.of("squeezed against the y axis", "threads", "RSS (MB)")
                .series("platform", new double[] {0, 500, 1000, 2000}, new double[] {40, 60, 80, 120})
                .series("virtual", new double[] {0, 10_000, 50_000, 100_000}, new double[] {40, 45, 70, 100}));
        cases.add(LineChart.of("one point", "threads", "count").series("only", new double[] {1}, new double[] {0}));
        cases.add(LineChart.of("all zeros", "threads", "count").series("zeros", new double[] {1, 2, 3}, new double[] {0, 0, 0}));
        cases.add(LineChart.of("a billion against one", "run", "count")
                .series("big", new double[] {1, 2}, new double[] {1, 1_000_000_000}).logAxes(false, true));
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("barCases")
    void barChartsFollowTheRules(BarChart chart) throws IOException {
        Chart.Rendered r = save(chart);
        CategoryPlot plot = (CategoryPlot) r.chart().getPlot();
        ValueAxis values = plot.getRangeAxis();
        boolean sideways = plot.getOrientation() == PlotOrientation.HORIZONTAL;
        RectangleEdge valueEdge = sideways ? RectangleEdge.BOTTOM : RectangleEdge.LEFT;
        List<Double> ticks = ticks(values, r.dataArea(), valueEdge);
        assertFalse(ticks.isEmpty(), "the value axis shows ticks");
        if (chart.wholeValues()) {
            for (double t : ticks) assertEquals(Math.rint(t), t, 1e-9, chart.title() + ": count axis tick " + t + " is not whole");
            if (values instanceof NumberAxis n) assertTrue(n.getTickUnit().getSize() >= 1, "tick step " + n.getTickUnit().getSize());
        }
        // every non-zero bar is visible: at least 3 pixels from the axis floor
        double extent = sideways ? r.dataArea().getWidth() : r.dataArea().getHeight();
        double floor = values instanceof LogAxis ? values.getLowerBound() : 0;
        for (int c = 0; c < plot.getDataset().getColumnCount(); c++) {
            Number v = plot.getDataset().getValue(0, c);
            if (v == null) continue;
            double pixels = Math.abs(values.valueToJava2D(v.doubleValue(), r.dataArea(), valueEdge)
                    - values.valueToJava2D(Math.max(floor, values.getLowerBound()), r.dataArea(), valueEdge));
            assertTrue(pixels >= 3, chart.title() + ": bar " + plot.getDataset().getColumnKey(c) + " = " + v
                    + " is " + pixels + " px of " + extent);
        }
        // no label is cut, and none is wider than the space it was given
        List<FittedCategoryAxis.Laid> laid = chart.lastCategoryAxis().laid();
        assertFalse(laid.isEmpty());
        int categories = plot.getDataset().getColumnCount();
        double slot = (sideways ? r.dataArea().getHeight() : r.dataArea().getWidth()) / categories;
        double lineHeight = Chart.TICK_FONT.getSize2D() * 1.1;
        for (FittedCategoryAxis.Laid label : laid) {
            assertTrue(label.whole(), chart.title() + ": label cut: '" + label.label() + "' shown as " + label.lines());
            for (String line : label.lines()) {
                double w = Chart.textWidth(line, Chart.TICK_FONT);
                assertTrue(w <= label.width() + 1, "'" + line + "' is " + w + " px in " + label.width());
                if (sideways) assertTrue(w < r.dataArea().getMinX(), "'" + line + "' is " + w + " px left of " + r.dataArea().getMinX());
                else assertTrue(w <= slot, "'" + line + "' is " + w + " px in a slot of " + slot);
            }
            if (sideways) assertTrue(label.lines().size() * lineHeight <= slot + 1, label.label() + " needs "
                    + label.lines().size() + " lines in a slot of " + slot + " px");
        }
    }

    @Test
    void rareOutcomesTurnTheAxisLogarithmicUnlessAScaleIsChosen() {
        assertTrue(BarChart.of("t", "k", "v").bar("common", 10_000).bar("rare", 3).usesLogScale());
        assertFalse(BarChart.of("t", "k", "v").bar("a", 10).bar("b", 40).usesLogScale());
        assertFalse(BarChart.of("t", "k", "v").bar("common", 10_000).bar("rare", 3).logScale(false).usesLogScale());
        assertFalse(BarChart.of("t", "k", "v").bar("down", -5).bar("up", 10_000).usesLogScale());
    }

    @Test
    void badValuesAreRefusedWithTheirName() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> BarChart.of("t", "k", "v").bar("nan bar", Double.NaN));
        assertTrue(e.getMessage().contains("nan bar"), e.getMessage());
        assertThrows(() -> LineChart.of("t", "x", "y").series("s", new double[] {1}, new double[] {Double.POSITIVE_INFINITY}));
    }

    private static void assertThrows(org.junit.jupiter.api.function.Executable run) {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, run);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lineCases")
    void lineChartsFollowTheRules(LineChart chart) throws IOException {
        Chart.Rendered r = save(chart);
        XYPlot plot = (XYPlot) r.chart().getPlot();
        Rectangle2D area = r.dataArea();
        for (int a = 0; a < plot.getRangeAxisCount(); a++) {
            ValueAxis axis = plot.getRangeAxis(a);
            RectangleEdge edge = a == 0 ? RectangleEdge.LEFT : RectangleEdge.RIGHT;
            if (axis instanceof NumberAxis n && n.getStandardTickUnits().getCeilingTickUnit(0.5).getSize() >= 1) {
                for (double t : ticks(axis, area, edge)) assertEquals(Math.rint(t), t, 1e-9, chart.title() + ": tick " + t);
            }
        }
        // points: no two of one series closer than 12 px; no series squeezed into less than a tenth of the height
        List<double[]> allPixels = new ArrayList<>();
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            if (plot.getDataset(d) == null) continue;
            ValueAxis yAxis = plot.getRangeAxisForDataset(d);
            RectangleEdge yEdge = plot.getRangeAxisEdge(plot.getRangeAxisIndex(yAxis));
            for (int s = 0; s < plot.getDataset(d).getSeriesCount(); s++) {
                int n = plot.getDataset(d).getItemCount(s);
                double minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE, lowest = Double.MAX_VALUE, highest = -Double.MAX_VALUE;
                List<double[]> pixels = new ArrayList<>();
                ValueAxis xAxis = plot.getDomainAxisForDataset(d);
                RectangleEdge xEdge = plot.getDomainAxisEdge(plot.getDomainAxisIndex(xAxis));
                double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, first = plot.getDataset(d).getXValue(s, 0), last = first;
                for (int i = 0; i < n; i++) {
                    double xv = plot.getDataset(d).getXValue(s, i);
                    first = Math.min(first, xv); last = Math.max(last, xv);
                    double x = xAxis.valueToJava2D(xv, area, xEdge);
                    minX = Math.min(minX, x); maxX = Math.max(maxX, x);
                    double yv = plot.getDataset(d).getYValue(s, i);
                    double y = yAxis.valueToJava2D(yv, area, yEdge);
                    pixels.add(new double[] {x, y});
                    minY = Math.min(minY, y); maxY = Math.max(maxY, y);
                    lowest = Math.min(lowest, yv); highest = Math.max(highest, yv);
                }
                for (int i = 1; i < pixels.size(); i++) {
                    double dx = Math.abs(pixels.get(i)[0] - pixels.get(i - 1)[0]);
                    assertTrue(dx >= 12, chart.title() + ": points " + (i - 1) + " and " + i + " are " + dx + " px apart");
                }
                if (last > first) {
                    assertTrue(maxX - minX >= area.getWidth() / 4, chart.title() + ": series " + s + " of dataset " + d
                            + " is " + (maxX - minX) + " px wide of " + area.getWidth());
                }
                if (highest > lowest) { // not pinned to the floor: its top point stands clear of the x axis
                    assertTrue(area.getMaxY() - minY >= area.getHeight() / 4, chart.title() + ": series " + s + " of dataset "
                            + d + " rises only " + (area.getMaxY() - minY) + " px of " + area.getHeight());
                }
                allPixels.addAll(pixels);
            }
        }
        for (int i = 0; i < allPixels.size(); i++) {
            for (int j = i + 1; j < allPixels.size(); j++) {
                double dist = Math.hypot(allPixels.get(i)[0] - allPixels.get(j)[0], allPixels.get(i)[1] - allPixels.get(j)[1]);
                assertTrue(dist >= 4, chart.title() + ": two points drawn " + dist + " px apart");
            }
        }
    }

    @Test
    void readersShareChartSpacesNinetyNineAndHundredApartAndSaysSo() {
        LineChart chart = lineCases().getFirst();
        assertTrue(chart.evenlySpacedX());
        assertTrue(((XYPlot) chart.render().chart().getPlot()).getDomainAxis().getLabel().contains("spaced evenly"));
        assertTrue(chart.summary().contains("99->1,010"), chart.summary());
    }

    @Test
    void squeezedSeriesGetsItsOwnScaleAndTheTextSaysWhich() {
        LineChart chart = lineCases().get(1);
        assertTrue(chart.onOwnScale(1));
        assertFalse(chart.onOwnScale(0));
        assertEquals(2, ((XYPlot) chart.render().chart().getPlot()).getRangeAxisCount());
        assertTrue(chart.summary().contains("small (right scale)"), chart.summary());
        LineChart memory = lineCases().get(2);
        assertTrue(memory.onOwnXScale(0));
        assertFalse(memory.onOwnXScale(1));
        assertEquals(2, ((XYPlot) memory.render().chart().getPlot()).getDomainAxisCount());
        assertTrue(memory.summary().contains("platform (top scale)"), memory.summary());
        assertFalse(lineCases().getFirst().onOwnScale(0), "comparable series share one scale");
    }

    @Test
    void spreadChartsKeepEveryLabelWhole() throws IOException {
        SpreadChart chart = SpreadChart.of("spread", "variant", "ns per call");
        for (String name : List.of("lock ×1", LONG, "holder ×1", "racy ×2")) chart.variant(name, 1, 2, 3, 5, 9);
        Chart.Rendered r = save(chart);
        for (FittedCategoryAxis.Laid label : chart.lastCategoryAxis().laid()) {
            assertTrue(label.whole(), "cut: " + label);
        }
        assertThrows(() -> SpreadChart.of("t", "k", "v").variant("bad", 5, 1, 2, 3, 4));
        assertTrue(chart.summary().contains("racy ×2: median 3, IQR 2–5, range 1–9"), chart.summary());
    }

    private static List<Double> ticks(ValueAxis axis, Rectangle2D area, RectangleEdge edge) {
        BufferedImage scratch = new BufferedImage(10, 10, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g2 = scratch.createGraphics();
        try {
            List<Double> values = new ArrayList<>();
            for (Object t : axis.refreshTicks(g2, new AxisState(), area, edge)) {
                if (t instanceof ValueTick v && v.getTickType() == org.jfree.chart.axis.TickType.MAJOR) values.add(v.getValue());
            }
            return values;
        } finally {
            g2.dispose();
        }
    }

    private static Chart.Rendered save(Chart chart) throws IOException {
        Chart.Rendered r = chart.render();
        Path dir = Path.of("target", "chart-rules");
        Files.createDirectories(dir);
        Files.write(dir.resolve(chart.title().replaceAll("[^A-Za-z0-9]+", "-") + ".png"), Renderers.png(r.image()));
        return r;
    }
}
