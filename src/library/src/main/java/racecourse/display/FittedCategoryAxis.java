package racecourse.display;

import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPosition;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.CategoryLabelWidthType;
import org.jfree.chart.text.TextBlockAnchor;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.text.TextBlock;
import org.jfree.chart.text.TextLine;
import org.jfree.chart.ui.RectangleEdge;

/**
 * A category axis that remembers every label it laid out, so that a chart can prove that no label was cut
 * short: JFreeChart silently ends a label that needs more lines than allowed with an ellipsis. Not thread-safe.
 */
final class FittedCategoryAxis extends CategoryAxis {
    /** One label as laid out: the text it should show, the lines it shows, and the width it was given. */
    record Laid(String label, List<String> lines, float width) {
        /** Whether the lines shown hold the whole label. */
        boolean whole() {
            return String.join(" ", lines).replaceAll("\\s+", " ").strip()
                    .equals(label.replaceAll("\\s+", " ").strip());
        }
    }

    private final List<Laid> laid = new ArrayList<>();

    /**
     * Whether categories with these labels must be laid out sideways (labels at the left) in a chart this wide:
     * there are many of them, or a word or a whole label does not fit the width one category gets upright.
     */
    static boolean needsSideways(List<String> labels, int chartWidth) {
        if (labels.size() > BarChart.MAX_UPRIGHT_BARS) return true;
        if (labels.isEmpty()) return false;
        double slot = (chartWidth - 110.0) / labels.size() * 0.8;
        for (String label : labels) {
            double whole = Chart.textWidth(label, Chart.TICK_FONT);
            double longestWord = 0;
            for (String word : label.split("\\s+")) longestWord = Math.max(longestWord, Chart.textWidth(word, Chart.TICK_FONT));
            if (longestWord > slot || whole > slot * (BarChart.LABEL_LINES - 0.5)) return true;
        }
        return false;
    }

    /** The height a sideways chart of {@code count} categories needs, at least {@code requested}. */
    static int sidewaysHeight(int count, int requested) {
        return Math.max(requested, 110 + count * 24);
    }

    /** Gives labels at the left of a sideways chart room for the longest of them. */
    void fitSideways(List<String> labels, int chartWidth) {
        double longest = labels.stream().mapToDouble(l -> Chart.textWidth(l, Chart.TICK_FONT)).max().orElse(0);
        float ratio = (float) Math.min(0.6, (longest + 16) / Math.max(1, chartWidth - 120.0));
        ratio = Math.max(ratio, 0.15f);
        CategoryLabelPosition left = new CategoryLabelPosition(RectangleAnchor.RIGHT, TextBlockAnchor.CENTER_RIGHT,
                CategoryLabelWidthType.RANGE, ratio);
        CategoryLabelPosition right = new CategoryLabelPosition(RectangleAnchor.LEFT, TextBlockAnchor.CENTER_LEFT,
                CategoryLabelWidthType.RANGE, ratio);
        CategoryLabelPositions standard = CategoryLabelPositions.STANDARD;
        setCategoryLabelPositions(new CategoryLabelPositions(standard.getLabelPosition(RectangleEdge.TOP),
                standard.getLabelPosition(RectangleEdge.BOTTOM), left, right));
        setMaximumCategoryLabelWidthRatio(ratio);
    }

    FittedCategoryAxis(String label) {
        super(label);
    }

    @Override
    protected TextBlock createLabel(Comparable category, float width, RectangleEdge edge, Graphics2D g2) {
        TextBlock block = super.createLabel(category, width, edge, g2);
        List<String> lines = new ArrayList<>();
        for (Object line : block.getLines()) {
            StringBuilder text = new StringBuilder();
            TextLine textLine = (TextLine) line;
            if (textLine.getFirstTextFragment() != null) text.append(textLine.getFirstTextFragment().getText());
            if (textLine.getLastTextFragment() != null && textLine.getLastTextFragment() != textLine.getFirstTextFragment()) {
                text.append(textLine.getLastTextFragment().getText());
            }
            lines.add(text.toString());
        }
        laid.add(new Laid(category.toString(), lines, width));
        return block;
    }

    /** The labels laid out since the last {@link #forget()}. */
    List<Laid> laid() {
        return List.copyOf(laid);
    }

    /** Forgets the labels laid out so far. */
    void forget() {
        laid.clear();
    }
}
