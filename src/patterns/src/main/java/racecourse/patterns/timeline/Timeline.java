package racecourse.patterns.timeline;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
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
        int maxStep = events.stream().mapToInt(Event::step).max().orElse(0);
        int left = 110;
        int stepWidth = 150;
        int laneHeight = 120;
        int top = 60;
        int width = left + (maxStep + 1) * stepWidth + 40;
        int height = top + lanes.size() * laneHeight + 30;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString(title, 12, 26);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            g.setColor(Color.DARK_GRAY);
            g.drawString("time →", width - 80, 26);
            for (int lane = 0; lane < lanes.size(); lane++) {
                int y = laneY(lane, top, laneHeight);
                g.setColor(Color.BLACK);
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
                g.drawString(lanes.get(lane), 12, y + 5);
                g.setColor(Color.LIGHT_GRAY);
                g.setStroke(new BasicStroke(2f));
                g.drawLine(left - 20, y, width - 20, y);
            }
            int raceCount = 0;
            for (Edge edge : edges) {
                Event a = events.get(edge.from);
                Event b = events.get(edge.to);
                double x1 = x(a, left, stepWidth);
                double y1 = laneY(a.lane, top, laneHeight);
                double x2 = x(b, left, stepWidth);
                double y2 = laneY(b.lane, top, laneHeight);
                boolean race = edge.kind == Kind.RACE;
                g.setColor(race ? RACE_COLOUR : SYNC_COLOUR);
                Stroke stroke = race
                        ? new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f)
                        : new BasicStroke(2.5f);
                g.setStroke(stroke);
                g.draw(new Line2D.Double(x1, y1, x2, y2));
                if (!race) arrowHead(g, x1, y1, x2, y2);
                g.setFont(new Font(Font.SANS_SERIF, Font.ITALIC, 12));
                double at = race ? 0.25 + 0.2 * (raceCount++ % 3) : 0.5; // stagger race labels so they do not overlap
                g.drawString(edge.label, (float) (x1 + (x2 - x1) * at + 6), (float) (y1 + (y2 - y1) * at));
            }
            for (Event e : events) {
                int x = (int) x(e, left, stepWidth);
                int y = laneY(e.lane, top, laneHeight);
                g.setColor(LANE_COLOUR);
                g.fillOval(x - 7, y - 7, 14, 14);
                g.setColor(Color.BLACK);
                g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 13));
                int labelWidth = g.getFontMetrics().stringWidth(e.label);
                boolean above = e.lane == 0 || lanes.size() == 1 || e.lane < lanes.size() - 1 && e.lane % 2 == 0;
                int labelY = above ? y - 14 : y + 24;
                g.drawString(e.label, x - labelWidth / 2, labelY);
                if (!e.note.isEmpty()) {
                    g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
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

    private static int laneY(int lane, int top, int laneHeight) {
        return top + lane * laneHeight + laneHeight / 2;
    }

    private static double x(Event e, int left, int stepWidth) {
        return left + e.step * stepWidth + stepWidth / 2.0;
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
