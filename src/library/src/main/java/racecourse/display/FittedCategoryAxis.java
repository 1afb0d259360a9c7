package racecourse.display;

import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.CategoryAxis;
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
