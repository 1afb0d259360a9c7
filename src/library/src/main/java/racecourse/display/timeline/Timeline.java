package racecourse.display.timeline;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import racecourse.display.Displayable;
import racecourse.display.MimeBundle;
import racecourse.display.Renderers;

/**
 * A picture of threads as horizontal lanes, their actions as labelled dots in time order, and the edges
 * between actions of different threads: synchronization edges (green arrows, which order the two actions) and
 * races (red dashed lines between two conflicting actions that nothing orders). Program order is the lane
 * itself. Drawn to a PNG with a text twin listing every action and edge. Not thread-safe while being built.
 */
public final class Timeline implements Displayable {
    /** What an edge between two actions means. */
    public enum Kind {
        /** A happens-before edge made by synchronization (unlock to lock, volatile write to read, start, join). */
        SYNC,
        /** Two conflicting accesses that no chain of happens-before edges orders. */
        RACE
    }

    private record Event(int lane, int step, String label, String note) {
    }

    private record Edge(int from, int to, String label, Kind kind) {
    }

    private static final Color SYNC_COLOUR = new Color(0x2ca02c);
    private static final Color RACE_COLOUR = new Color(0xd62728);
    private static final Color LANE_COLOUR = new Color(0x1f77b4);
    private static final int LEFT = 110;
    private static final int STEP_WIDTH = 150;
    private static final int LANE_HEIGHT = 120;
    private static final int TOP = 60;
    private static final int DOT = 14;
    private static final int PAD = 3;
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final Font LANE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    private static final Font EVENT_FONT = new Font(Font.MONOSPACED, Font.BOLD, 13);
    private static final Font NOTE_FONT = new Font(Font.MONOSPACED, Font.PLAIN, 12);
    private static final Font EDGE_FONT = new Font(Font.SANS_SERIF, Font.ITALIC, 12);
    /** Where along an edge its label may go, best first. */
    private static final double[] LABEL_SPOTS = {0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78};

    private final String title;
    private final List<String> lanes;
    private final List<Event> events = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();

    private Timeline(String title, List<String> lanes) {
        this.title = title;
        this.lanes = List.copyOf(lanes);
    }

    /** An empty timeline with one lane per thread name, top to bottom. */
    public static Timeline of(String title, String... threads) {
        if (threads.length == 0) throw new IllegalArgumentException("a timeline needs at least one thread");
        return new Timeline(title, List.of(threads));
    }

    /**
     * Adds an action on a thread's lane at a time step (steps increase left to right; two actions on one lane
     * need different steps) and returns its index, for {@link #edge}.
     */
    public int event(String thread, int step, String label) {
        return event(thread, step, label, "");
    }

    /** Adds an action with a second line of text under it (for example its vector clock). */
    public int event(String thread, int step, String label, String note) {
        int lane = lanes.indexOf(thread);
        if (lane < 0) throw new IllegalArgumentException("no thread named " + thread + " in " + lanes);
        if (step < 0) throw new IllegalArgumentException("steps start at 0, got " + step);
        for (Event e : events) {
            if (e.lane == lane && e.step == step) {
                throw new IllegalArgumentException(thread + " already has an action at step " + step + ": " + e.label);
            }
        }
        events.add(new Event(lane, step, label, note == null ? "" : note));
        return events.size() - 1;
    }

    /** Adds an edge from one action to another. */
    public Timeline edge(int from, int to, String label, Kind kind) {
        if (from < 0 || from >= events.size() || to < 0 || to >= events.size()) {
            throw new IllegalArgumentException("edge " + from + " -> " + to + ": there are " + events.size() + " actions");
        }
        edges.add(new Edge(from, to, label, kind));
        return this;
    }

    /** Adds a synchronization (happens-before) edge. */
    public Timeline sync(int from, int to, String label) {
        return edge(from, to, label, Kind.SYNC);
    }

    /** Marks two actions as racing. */
    public Timeline race(int a, int b, String label) {
        return edge(a, b, label, Kind.RACE);
    }

    /** Draws the timeline. */
    public BufferedImage image() {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D measure = scratch.createGraphics();
        Layout layout;
        try {
            layout = layout(measure);
        } finally {
            measure.dispose();
        }
        BufferedImage image = new BufferedImage(layout.width, layout.height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, layout.width, layout.height);
            g.setColor(Color.BLACK);
            g.setFont(TITLE_FONT);
            g.drawString(title, 12, 26);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            g.setColor(Color.DARK_GRAY);
            g.drawString("time →", layout.width - 80, 26);
            for (int lane = 0; lane < lanes.size(); lane++) {
                int y = laneY(lane);
                g.setColor(Color.BLACK);
                g.setFont(LANE_FONT);
                g.drawString(lanes.get(lane), 12, y + 5);
                g.setColor(Color.LIGHT_GRAY);
                g.setStroke(new BasicStroke(2f));
                g.drawLine(LEFT - 20, y, layout.width - 20, y);
            }
            for (int i = 0; i < edges.size(); i++) {
                Edge edge = edges.get(i);
                Line2D line = layout.segments.get(i);
                boolean race = edge.kind == Kind.RACE;
                g.setColor(race ? RACE_COLOUR : SYNC_COLOUR);
                Stroke stroke = race
                        ? new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f)
                        : new BasicStroke(2.5f);
                g.setStroke(stroke);
                g.draw(line);
                if (!race) arrowHead(g, line.getX1(), line.getY1(), line.getX2(), line.getY2());
                g.setFont(EDGE_FONT);
                Rectangle2D box = layout.edgeLabels.get(i);
                g.drawString(edge.label, (float) box.getX() + PAD, (float) (box.getMaxY() - PAD - g.getFontMetrics().getDescent()));
            }
            for (int i = 0; i < events.size(); i++) {
                Event e = events.get(i);
                int x = (int) x(e);
                int y = laneY(e.lane);
                g.setColor(LANE_COLOUR);
                g.fillOval(x - DOT / 2, y - DOT / 2, DOT, DOT);
                g.setColor(Color.BLACK);
                g.setFont(EVENT_FONT);
                int labelWidth = g.getFontMetrics().stringWidth(e.label);
                boolean above = layout.above[i];
                int labelY = above ? y - 14 : y + 24;
                g.drawString(e.label, x - labelWidth / 2, labelY);
                if (!e.note.isEmpty()) {
                    g.setFont(NOTE_FONT);
                    g.setColor(Color.DARK_GRAY);
                    int noteWidth = g.getFontMetrics().stringWidth(e.note);
                    g.drawString(e.note, x - noteWidth / 2, above ? labelY - 15 : labelY + 15);
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * What in the picture would be drawn on top of something else: an edge through an action's label or through
     * the dot of an action it does not join, or an edge's label on top of a label, a dot, a lane or another edge. Empty
     * for a clean picture; each action's label goes above or below its dot, whichever side keeps it clear.
     */
    public List<String> overlaps() {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D measure = scratch.createGraphics();
        try {
            Layout layout = layout(measure);
            List<String> found = new ArrayList<>();
            for (int i = 0; i < edges.size(); i++) {
                Edge edge = edges.get(i);
                Line2D line = layout.segments.get(i);
                for (int j = 0; j < events.size(); j++) {
                    if (line.intersects(layout.labels[j])) {
                        found.add("edge '" + edge.label + "' crosses the label of " + describe(events.get(j)));
                    }
                    if (j != edge.from && j != edge.to && line.intersects(dotBox(events.get(j)))) {
                        found.add("edge '" + edge.label + "' passes over the dot of " + describe(events.get(j)));
                    }
                }
                int clashes = edgeLabelClashes(layout, i, layout.edgeLabels.get(i), i);
                if (clashes > 0) found.add("the label of edge '" + edge.label + "' touches " + clashes + " other thing(s)");
            }
            return found;
        } finally {
            measure.dispose();
        }
    }

    private record Layout(int width, int height, List<Line2D> segments, Rectangle2D[] labels, boolean[] above,
            List<Rectangle2D> edgeLabels) {
    }

    private Layout layout(Graphics2D g) {
        int maxStep = events.stream().mapToInt(Event::step).max().orElse(0);
        int width = LEFT + (maxStep + 1) * STEP_WIDTH + 40;
        int height = TOP + lanes.size() * LANE_HEIGHT + 30;
        List<Line2D> segments = new ArrayList<>();
        for (Edge edge : edges) {
            Event a = events.get(edge.from);
            Event b = events.get(edge.to);
            segments.add(new Line2D.Double(x(a), laneY(a.lane), x(b), laneY(b.lane)));
        }
        Rectangle2D[] labels = new Rectangle2D[events.size()];
        boolean[] above = new boolean[events.size()];
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            boolean preferAbove = e.lane == 0 || lanes.size() == 1 || e.lane < lanes.size() - 1 && e.lane % 2 == 0;
            Rectangle2D first = labelBox(g, e, preferAbove);
            Rectangle2D second = labelBox(g, e, !preferAbove);
            boolean keepFirst = crossings(first, segments) <= crossings(second, segments);
            labels[i] = keepFirst ? first : second;
            above[i] = keepFirst == preferAbove;
        }
        List<Rectangle2D> edgeLabels = new ArrayList<>();
        Layout layout = new Layout(width, height, segments, labels, above, edgeLabels);
        g.setFont(EDGE_FONT);
        java.awt.FontMetrics fm = g.getFontMetrics();
        for (int i = 0; i < edges.size(); i++) {
            Line2D line = segments.get(i);
            Rectangle2D best = null;
            int bestClashes = Integer.MAX_VALUE;
            for (double at : LABEL_SPOTS) {
                double ax = line.getX1() + (line.getX2() - line.getX1()) * at + 6;
                double ay = line.getY1() + (line.getY2() - line.getY1()) * at;
                Rectangle2D box = new Rectangle2D.Double(ax - PAD, ay - fm.getAscent() - PAD,
                        fm.stringWidth(edges.get(i).label) + 2 * PAD, fm.getAscent() + fm.getDescent() + 2 * PAD);
                int clashes = edgeLabelClashes(layout, i, box, edgeLabels.size());
                if (clashes < bestClashes) {
                    best = box;
                    bestClashes = clashes;
                }
                if (clashes == 0) break;
            }
            edgeLabels.add(best);
        }
        return layout;
    }

    /** How many labels, dots, lane lines, other edges and earlier edge labels (the first {@code placed}) {@code box} touches. */
    private int edgeLabelClashes(Layout layout, int edge, Rectangle2D box, int placed) {
        int clashes = 0;
        for (int j = 0; j < events.size(); j++) {
            if (box.intersects(layout.labels[j])) clashes++;
            if (box.intersects(dotBox(events.get(j)))) clashes++;
        }
        for (int k = 0; k < layout.segments.size(); k++) {
            if (k != edge && layout.segments.get(k).intersects(box)) clashes++;
        }
        for (int lane = 0; lane < lanes.size(); lane++) {
            if (new Line2D.Double(LEFT - 20, laneY(lane), layout.width - 20, laneY(lane)).intersects(box)) clashes++;
        }
        for (int k = 0; k < placed; k++) {
            if (k != edge && layout.edgeLabels.get(k).intersects(box)) clashes++;
        }
        return clashes;
    }

    private static int crossings(Rectangle2D box, List<Line2D> segments) {
        int n = 0;
        for (Line2D s : segments) {
            if (s.intersects(box)) n++;
        }
        return n;
    }

    /** The box an action's label (and note) takes, above or below its dot, with a little room around it. */
    private Rectangle2D labelBox(Graphics2D g, Event e, boolean above) {
        double x = x(e);
        int y = laneY(e.lane);
        int labelY = above ? y - 14 : y + 24;
        g.setFont(EVENT_FONT);
        java.awt.FontMetrics fm = g.getFontMetrics();
        double w = fm.stringWidth(e.label);
        double top = labelY - fm.getAscent();
        double bottom = labelY + fm.getDescent();
        if (!e.note.isEmpty()) {
            g.setFont(NOTE_FONT);
            java.awt.FontMetrics nm = g.getFontMetrics();
            w = Math.max(w, nm.stringWidth(e.note));
            int noteY = above ? labelY - 15 : labelY + 15;
            top = Math.min(top, noteY - nm.getAscent());
            bottom = Math.max(bottom, noteY + nm.getDescent());
        }
        return new Rectangle2D.Double(x - w / 2 - PAD, top - PAD, w + 2 * PAD, bottom - top + 2 * PAD);
    }

    private Rectangle2D dotBox(Event e) {
        return new Rectangle2D.Double(x(e) - DOT / 2.0, laneY(e.lane) - DOT / 2.0, DOT, DOT);
    }

    private static int laneY(int lane) {
        return TOP + lane * LANE_HEIGHT + LANE_HEIGHT / 2;
    }

    private static double x(Event e) {
        return LEFT + e.step * STEP_WIDTH + STEP_WIDTH / 2.0;
    }

    private static void arrowHead(Graphics2D g, double x1, double y1, double x2, double y2) {
        double angle = Math.atan2(y2 - y1, x2 - x1);
        double tipX = x2 - 9 * Math.cos(angle);
        double tipY = y2 - 9 * Math.sin(angle);
        Path2D head = new Path2D.Double();
        head.moveTo(tipX, tipY);
        head.lineTo(tipX - 12 * Math.cos(angle - 0.4), tipY - 12 * Math.sin(angle - 0.4));
        head.lineTo(tipX - 12 * Math.cos(angle + 0.4), tipY - 12 * Math.sin(angle + 0.4));
        head.closePath();
        g.fill(head);
    }

    /** The actions lane by lane and every edge, as text. */
    public String summary() {
        StringBuilder out = new StringBuilder(title).append('\n');
        for (int lane = 0; lane < lanes.size(); lane++) {
            out.append("  ").append(lanes.get(lane)).append(':');
            int current = lane;
            events.stream().filter(e -> e.lane == current).sorted((a, b) -> Integer.compare(a.step, b.step))
                    .forEach(e -> out.append("  [").append(e.label)
                            .append(e.note.isEmpty() ? "" : " " + e.note).append(']'));
            out.append('\n');
        }
        for (Edge edge : edges) {
            out.append("  ").append(edge.kind == Kind.SYNC ? "happens-before: " : "RACE: ")
                    .append(describe(events.get(edge.from))).append(edge.kind == Kind.SYNC ? " -> " : " <-> ")
                    .append(describe(events.get(edge.to))).append(" (").append(edge.label).append(")\n");
        }
        return out.toString().stripTrailing();
    }

    private String describe(Event e) {
        return lanes.get(e.lane) + " " + e.label;
    }

    @Override
    public MimeBundle toMimeBundle() {
        return new MimeBundle().withPng(Renderers.png(image())).with(MimeBundle.TEXT, summary());
    }

    @Override
    public String toString() {
        return summary();
    }
}
