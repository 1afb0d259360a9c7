package racecourse.display;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.text.DecimalFormat;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.Plot;

/**
 * A chart drawn on the server to a PNG, with a plain-text twin that states every number it plots, so the
 * figure reads the same in a browser, in nbconvert HTML, on GitHub and in a terminal. Not thread-safe while
 * being built.
 */
public abstract sealed class Chart implements Displayable permits BarChart, LineChart, SpreadChart {
    static final Color ACCENT = new Color(0x1f77b4);
    /** Tick labels, large enough to read from the back of a room. */
    static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    /** Axis titles. */
    static final Font AXIS_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    /** Chart titles. */
    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 17);
    private static final DecimalFormat NUMBER = new DecimalFormat("#,##0.###");

    private final String title;
    private int width = 720;
    private int height = 400;

    Chart(String title) {
        this.title = title;
    }

    /** The chart's title. */
    public String title() {
        return title;
    }

    /** Sets the image size in pixels. */
    public Chart size(int width, int height) {
        if (width < 100 || height < 100) throw new IllegalArgumentException("a chart needs at least 100x100 pixels");
        this.width = width;
        this.height = height;
        return this;
    }

    /** The requested width in pixels. */
    int width() {
        return width;
    }

    /** The requested height in pixels. */
    int height() {
        return height;
    }

    /** The height the chart is drawn at: the requested one, or more when the content needs it. */
    int drawnHeight() {
        return height;
    }

    /** Builds the JFreeChart this chart draws. */
    abstract JFreeChart build();

    /** A chart as drawn: the model, the image and where JFreeChart put the plot and its data area. */
    record Rendered(JFreeChart chart, BufferedImage image, Rectangle2D plotArea, Rectangle2D dataArea) {
    }

    /** Builds and draws the chart, keeping the model and the layout (for checks of what a reader sees). */
    Rendered render() {
        JFreeChart chart = build();
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(TITLE_FONT);
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(new Color(0xf7f7f7));
        int h = drawnHeight();
        BufferedImage image = new BufferedImage(width, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g2 = image.createGraphics();
        ChartRenderingInfo info = new ChartRenderingInfo();
        try {
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, h), info);
        } finally {
            g2.dispose();
        }
        return new Rendered(chart, image, info.getPlotInfo().getPlotArea(), info.getPlotInfo().getDataArea());
    }

    /** Measures text as the chart draws it. */
    static double textWidth(String text, Font font) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g2 = scratch.createGraphics();
        try {
            return g2.getFontMetrics(font).getStringBounds(text, g2).getWidth();
        } finally {
            g2.dispose();
        }
    }

    /** Applies the course's readable fonts to an axis. */
    static void style(org.jfree.chart.axis.Axis axis) {
        axis.setTickLabelFont(TICK_FONT);
        axis.setLabelFont(AXIS_FONT);
    }

    /** The numbers this chart plots, as text, one line each. */
    public abstract String summary();

    /** Draws the chart. */
    public BufferedImage image() {
        return render().image();
    }

    /** The chart as PNG bytes. */
    public byte[] png() {
        return Renderers.png(image());
    }

    @Override
    public MimeBundle toMimeBundle() {
        return new MimeBundle().withPng(png()).with(MimeBundle.TEXT, summary());
    }

    @Override
    public String toString() {
        return summary();
    }

    static String format(double value) {
        return NUMBER.format(value);
    }
}
