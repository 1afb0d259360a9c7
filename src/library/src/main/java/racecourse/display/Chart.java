package racecourse.display;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.text.DecimalFormat;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.Plot;

/**
 * A chart drawn on the server to a PNG, with a plain-text twin that states every number it plots, so the
 * figure reads the same in a browser, in nbconvert HTML, on GitHub and in a terminal. Not thread-safe while
 * being built.
 */
public abstract sealed class Chart implements Displayable permits BarChart, LineChart {
    static final Color ACCENT = new Color(0x1f77b4);
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

    /** Builds the JFreeChart this chart draws. */
    abstract JFreeChart build();

    /** The numbers this chart plots, as text, one line each. */
    public abstract String summary();

    /** Draws the chart. */
    public BufferedImage image() {
        JFreeChart chart = build();
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(new Color(0xf7f7f7));
        return chart.createBufferedImage(width, height);
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
