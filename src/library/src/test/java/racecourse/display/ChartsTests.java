package racecourse.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class ChartsTests {
    @Test
    void barChartIsAPngWithEveryNumberInItsText() {
        BarChart chart = BarChart.of("lost updates", "trial", "lost").bar("first", 12).bar("second", 1_500, Color.RED, "bad");
        MimeBundle bundle = chart.toMimeBundle();
        assertTrue(bundle.data().get(MimeBundle.PNG).startsWith("iVBOR"));
        assertTrue(bundle.text().contains("first   12"), bundle.text());
        assertTrue(bundle.text().contains("second  1,500  (bad)"), bundle.text());
    }

    @Test
    void logScaleOnlyWhenValuesSpanDecades() {
        assertTrue(BarChart.of("t", "k", "v").bar("a", 1).bar("b", 1_000).logScaleWhenWide().usesLogScale());
        assertTrue(!BarChart.of("t", "k", "v").bar("a", 10).bar("b", 400).logScaleWhenWide().usesLogScale());
    }

    @Test
    void histogramFillsEmptyBinsAndStatesTheSpread() {
        BarChart chart = Histogram.of(new long[] {0, 0, 1, 5}, 1, "h", "lost");
        String text = chart.summary();
        assertTrue(text.contains("  0  2"), text);
        assertTrue(text.contains("  3  0"), text);
        assertTrue(text.contains("4 observations: min 0, median 1, max 5"), text);
    }

    @Test
    void lineChartRejectsMismatchedSeries() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> LineChart.of("t", "x", "y").series("s", new double[] {1, 2}, new double[] {1}));
        assertTrue(LineChart.of("t", "x", "y").series("s", new double[] {1, 2}, new double[] {3, 4}).png().length > 100);
    }

    @Test
    void tablesRenderAsEscapedHtmlAndText() {
        Table table = Table.create("<t>", IntColumn.create("n", new int[] {7}));
        MimeBundle bundle = Renderers.render(table);
        assertTrue(bundle.data().get(MimeBundle.HTML).contains("<caption>&lt;t&gt;</caption>"));
        assertTrue(bundle.data().get(MimeBundle.HTML).contains("<td>7</td>"));
        assertEquals(MimeBundle.text("x").text(), Renderers.render("x").text());
    }

    @Test
    void displayGoesToTheInstalledSink() {
        StringBuilder seen = new StringBuilder();
        Display.install((bundle, id, update) -> seen.append(update ? "update:" : "show:").append(bundle.text()).append(';'));
        try {
            String id = Display.display("one");
            Display.updateDisplay(id, "two");
            Display.display(Display.html("<b>x</b>", "x"), MimeBundle.HTML);
        } finally {
            Display.install(DisplaySink.STANDARD_OUT);
        }
        assertEquals("show:one;update:two;show:;", seen.toString());
    }
}
