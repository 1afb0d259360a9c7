package racecourse.explore.report;

import com.google.gson.GsonBuilder;
import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import racecourse.display.BarChart;
import racecourse.display.Displayable;
import racecourse.display.MimeBundle;
import racecourse.display.Tables;

/**
 * What an exploration found: each outcome with its schedule count and witness, how many schedules ran, whether
 * the strategy covered them all, and why it stopped. Shows itself in a notebook as a bar chart of outcome counts,
 * a table and a plain-text twin. Immutable, so thread-safe.
 *
 * @param program     what was explored
 * @param strategy    how
 * @param schedules   schedules counted
 * @param dropped     partial schedules dropped as redundant by the reduction
 * @param complete    whether every schedule (or trace) was covered
 * @param stopReason  why it stopped early, or ""
 * @param note        anything else worth saying ("the program started no threads"), or ""
 * @param millis      wall time in milliseconds
 * @param outcomes    the outcomes, most schedules first
 * @param raceChecked whether each schedule was checked for data races
 * @param races       the data races seen, each with the schedules that showed it and the first of them
 * @param replayHint  the command or call that replays a schedule, with {@code %s} for it
 */
public record ExploreResult(String program, String strategy, long schedules, long dropped, boolean complete,
                            String stopReason, String note, long millis, List<Outcome> outcomes, boolean raceChecked,
                            List<Race> races, String replayHint)
        implements Displayable {
    /**
     * A data race seen in explored schedules.
     *
     * @param description the two accesses and their threads
     * @param schedules   how many schedules showed it
     * @param witness     the first schedule that showed it
     */
    public record Race(String description, long schedules, String witness) {
    }

    /** The sentence that states the scope of every result. */
    public static final String SCOPE = "Scope: sequentially consistent interleavings only (every step sees the latest "
            + "write); counts are schedules, not chances. Weak-memory outcomes need the stress harness.";

    /** Whether some schedule failed (an exception, a deadlock, a step limit, an exit, ...). */
    public boolean failed() {
        return outcomes.stream().anyMatch(Outcome::failure);
    }

    /** The failing outcomes. */
    public List<Outcome> failures() {
        return outcomes.stream().filter(Outcome::failure).toList();
    }

    /** The first failing outcome's witness, or null when nothing failed. */
    public Outcome witness() {
        return outcomes.stream().filter(Outcome::failure).findFirst().orElse(null);
    }

    /** The outcome with this label, or null. */
    public Outcome outcome(String label) {
        return outcomes.stream().filter(o -> o.label().equals(label)).findFirst().orElse(null);
    }

    /** Schedule counts by outcome label. */
    public Map<String, Long> counts() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Outcome o : outcomes) m.put(o.label(), o.schedules());
        return m;
    }

    /** The one line that replays the first failure's witness, or "" when nothing failed. */
    public String replayLine() {
        Outcome w = witness();
        return w == null ? "" : replayHint.formatted(w.witness());
    }

    /** The result as text: the summary, the scope, one line per outcome, then each failure's witness. */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append("Explored ").append(schedules).append(schedules == 1 ? " schedule" : " schedules").append(" of ")
                .append(program).append(" (").append(strategy).append(")");
        out.append(complete ? ", complete" : ", not complete").append(", in ").append(millis).append(" ms.\n");
        if (!stopReason.isEmpty()) out.append("Stopped: ").append(stopReason).append('\n');
        if (!note.isEmpty()) out.append(note).append('\n');
        out.append(SCOPE).append('\n');
        int width = outcomes.stream().mapToInt(o -> o.label().length()).max().orElse(7);
        width = Math.min(Math.max(width, 7), 70);
        out.append(String.format("  %-" + width + "s  %9s  %s%n", "outcome", "schedules", "witness (fewest preemptions)"));
        for (Outcome o : outcomes) {
            String label = o.label().length() > width ? o.label().substring(0, width - 3) + "..." : o.label();
            out.append(String.format("  %-" + width + "s  %9d  %s (%d preemption%s)%n", label, o.schedules(),
                    o.witness().isEmpty() ? "(no steps)" : shorten(o.witness()), o.preemptions(),
                    o.preemptions() == 1 ? "" : "s"));
        }
        if (raceChecked) {
            if (races.isEmpty()) {
                out.append("No data race in any explored schedule (happens-before check).\n");
            } else {
                out.append("Data races (happens-before check; they matter even where every schedule ends well):\n");
                for (Race r : races) {
                    out.append("  ").append(r.description()).append("; in ").append(r.schedules())
                            .append(r.schedules() == 1 ? " schedule" : " schedules").append(", first ")
                            .append(shorten(r.witness())).append('\n');
                }
            }
        }
        for (Outcome o : failures()) {
            out.append("\n").append(o.label()).append(" - witness: ").append(shorten(o.witness())).append('\n');
            if (!o.detail().isEmpty()) out.append(o.detail().indent(2));
            if (!o.steps().isEmpty() && o.steps().size() <= 60) {
                out.append(o.swimlane().indent(2));
            }
            if (o.kind() == racecourse.explore.sched.Ending.Kind.REPLAY_ERROR) continue;
            out.append("  replay: ").append(o.witness().length() > LONG ? "(a schedule of "
                    + o.witness().split(" ").length + " steps: see the JSON report)" : replayHint.formatted(o.witness()))
                    .append('\n');
        }
        return out.toString().stripTrailing();
    }

    private static final int LONG = 400;

    private static String shorten(String schedule) {
        if (schedule.length() <= LONG) return schedule;
        return schedule.substring(0, 200) + " ... (" + schedule.split(" ").length + " steps)";
    }

    /** A bar chart of the schedule count of each outcome (failures in red). */
    public BarChart chart() {
        BarChart chart = BarChart.of("Outcomes over " + schedules + " schedules", "outcome", "schedules").wholeNumbers();
        for (Outcome o : outcomes) {
            chart.bar(o.label().length() > 40 ? o.label().substring(0, 37) + "..." : o.label(), o.schedules(),
                    o.failure() ? new Color(0xd62728) : new Color(0x1f77b4), o.failure() ? "failure" : "ran to the end");
        }
        chart.note(SCOPE);
        return chart;
    }

    @Override
    public MimeBundle toMimeBundle() {
        StringBuilder html = new StringBuilder("<table><tr><th>outcome</th><th>schedules</th><th>witness</th>"
                + "<th>preemptions</th></tr>");
        for (Outcome o : outcomes) {
            html.append("<tr><td>").append(Tables.escape(o.label())).append("</td><td>").append(o.schedules())
                    .append("</td><td><code>").append(Tables.escape(o.witness())).append("</code></td><td>")
                    .append(o.preemptions()).append("</td></tr>");
        }
        html.append("</table><p>").append(Tables.escape(SCOPE)).append("</p>");
        MimeBundle bundle = new MimeBundle();
        String img = "";
        try {
            byte[] png = chart().png();
            bundle.withPng(png);
            img = "<img src=\"data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(png) + "\"/>";
            Outcome w = witness();
            if (w != null && !w.steps().isEmpty()) {
                img += "<br/><img src=\"data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(
                        racecourse.display.Renderers.png(w.timeline().image())) + "\"/>";
            }
        } catch (RuntimeException | Error headless) {
            // No drawing available: the table and the text say the same.
        }
        return bundle.with(MimeBundle.HTML, img + html).with(MimeBundle.TEXT, text());
    }

    /** The result as JSON. */
    public String toJson() {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(this);
    }

    @Override
    public String toString() {
        return text();
    }
}
