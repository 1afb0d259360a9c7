package racecourse.jmm;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import racecourse.display.Displayable;
import racecourse.display.MimeBundle;
import racecourse.display.Renderers;

/**
 * A run of the x86-TSO store-buffer machine that ends in a test's outcome, drawn as a strip of pictures (one
 * per step: each thread's buffer, the registers and memory) with a text twin listing every step. Immutable;
 * thread-safe.
 */
public final class TsoWitness implements Displayable {
    private static final int FRAME_W = 230;
    private static final int PER_ROW = 4;
    private static final Color INK = new Color(0x222222);
    private static final Color BUFFER = new Color(0xf58518);
    private static final Color MEMORY = new Color(0x4c78a8);

    private final Litmus test;
    private final int frameH;
    private final List<TsoMachine.Step> steps;
    private final Outcome outcome;

    TsoWitness(Litmus test, List<TsoMachine.Step> steps, Outcome outcome) {
        this.test = test;
        this.frameH = 110 + 30 * test.threads().size();
        this.steps = List.copyOf(steps);
        this.outcome = outcome;
    }

    /** The steps, the starting state first. */
    public List<TsoMachine.Step> steps() {
        return steps;
    }

    /** The outcome the run ends in. */
    public Outcome outcome() {
        return outcome;
    }

    /** Each step as its own picture. */
    public List<BufferedImage> frames() {
        List<BufferedImage> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) out.add(frame(i));
        return out;
    }

    /** All the frames in rows of four. */
    public BufferedImage strip() {
        int rows = (steps.size() + PER_ROW - 1) / PER_ROW;
        int cols = Math.min(PER_ROW, steps.size());
        BufferedImage img = new BufferedImage(cols * FRAME_W, rows * frameH, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        List<BufferedImage> frames = frames();
        for (int i = 0; i < frames.size(); i++) g.drawImage(frames.get(i), (i % PER_ROW) * FRAME_W, (i / PER_ROW) * frameH, null);
        g.dispose();
        return img;
    }

    private BufferedImage frame(int index) {
        TsoMachine.Step step = steps.get(index);
        BufferedImage img = new BufferedImage(FRAME_W, frameH, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, FRAME_W, frameH);
        g.setColor(new Color(0xdddddd));
        g.drawRect(0, 0, FRAME_W - 1, frameH - 1);
        g.setColor(INK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        g.drawString("step " + index, 8, 16);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        int y = wrap(g, step.action(), 8, 32, FRAME_W - 16);
        y += 8;
        int laneH = 30;
        for (int t = 0; t < step.buffers().size(); t++) {
            g.setColor(INK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
            g.drawString(test.threadNames().get(t), 8, y + 19);
            g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 11));
            int x = 26;
            g.setColor(new Color(0xeeeeee));
            g.fillRect(x, y + 4, FRAME_W - x - 8, laneH - 8);
            for (String entry : step.buffers().get(t)) {
                g.setColor(BUFFER);
                g.fillRoundRect(x + 2, y + 6, 44, laneH - 12, 6, 6);
                g.setColor(Color.WHITE);
                g.drawString(entry, x + 6, y + 19);
                x += 48;
            }
            y += laneH;
        }
        g.setColor(INK);
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 11));
        StringBuilder regs = new StringBuilder();
        for (Map.Entry<String, Integer> e : step.registers().entrySet()) regs.append(e.getKey()).append('=').append(e.getValue()).append(' ');
        g.drawString(regs.isEmpty() ? "no register loaded yet" : regs.toString().trim(), 8, y + 14);
        y += 22;
        g.setColor(MEMORY);
        g.setStroke(new BasicStroke(2));
        g.drawRect(8, y, FRAME_W - 16, 26);
        StringBuilder mem = new StringBuilder("memory  ");
        for (Map.Entry<String, Integer> e : step.memory().entrySet()) mem.append(e.getKey()).append('=').append(e.getValue()).append("  ");
        g.drawString(mem.toString().trim(), 14, y + 17);
        g.dispose();
        return img;
    }

    private static int wrap(Graphics2D g, String text, int x, int y, int width) {
        FontMetrics fm = g.getFontMetrics();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (!line.isEmpty() && fm.stringWidth(line + " " + word) > width) {
                g.drawString(line.toString(), x, y);
                y += fm.getHeight();
                line.setLength(0);
            }
            if (!line.isEmpty()) line.append(' ');
            line.append(word);
        }
        if (!line.isEmpty()) {
            g.drawString(line.toString(), x, y);
            y += fm.getHeight();
        }
        return y;
    }

    /** Every step in words, with the buffers and memory after it. */
    public String text() {
        StringBuilder out = new StringBuilder("x86-TSO store-buffer run of " + test.name() + " ending in " + outcome + "\n");
        for (int i = 0; i < steps.size(); i++) {
            TsoMachine.Step s = steps.get(i);
            out.append(String.format("%2d. %s%n", i, s.action()));
            StringBuilder state = new StringBuilder("    ");
            for (int t = 0; t < s.buffers().size(); t++) {
                state.append(test.threadNames().get(t)).append(" buffer ").append(s.buffers().get(t)).append("; ");
            }
            state.append("memory ").append(s.memory());
            if (!s.registers().isEmpty()) state.append("; registers ").append(s.registers());
            out.append(state).append('\n');
        }
        return out.toString();
    }

    @Override
    public MimeBundle toMimeBundle() {
        return new MimeBundle().withPng(Renderers.png(strip())).with(MimeBundle.TEXT, text());
    }

    @Override
    public String toString() {
        return text();
    }
}
