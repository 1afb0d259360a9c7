package racecourse.explore.report;

import java.util.List;
import racecourse.display.timeline.Timeline;
import racecourse.explore.sched.Ending;

/**
 * One outcome of an exploration: what the schedules produced, how many reached it, and the witness with the
 * fewest preemptions (its schedule string, its steps, and details). Immutable, so thread-safe.
 *
 * @param kind        the kind of ending
 * @param label       what it produced ("result 1", "deadlock", "AssertionError: ...")
 * @param schedules   how many schedules reached it
 * @param witness     the witness schedule ("A A B A B")
 * @param preemptions the witness's preemptions
 * @param detail      details of the witness (deadlocked threads, the exception's stack), or ""
 * @param steps       the witness's steps, described, when recorded
 */
public record Outcome(Ending.Kind kind, String label, long schedules, String witness, int preemptions, String detail,
                      List<String> steps) {
    /** Whether this outcome is a failure (anything but a normal end). */
    public boolean failure() {
        return kind != Ending.Kind.COMPLETED;
    }

    /**
     * The witness as a swimlane: one column per thread, one row per step, each step in its thread's column (the
     * way a learner reads an interleaving), or "" when the steps were not recorded.
     */
    public String swimlane() {
        if (steps.isEmpty()) return "";
        java.util.List<String> lanes = new java.util.ArrayList<>();
        for (String s : steps) {
            String who = s.substring(0, s.indexOf(':'));
            if (!lanes.contains(who)) lanes.add(who);
        }
        lanes.sort(java.util.Comparator.comparing(String::length).thenComparing(x -> x));
        int width = 8;
        for (String s : steps) width = Math.max(width, Math.min(48, s.length() - s.indexOf(':') - 2));
        StringBuilder out = new StringBuilder(String.format("%5s", "step"));
        for (String lane : lanes) out.append(" | ").append(String.format("%-" + width + "s", "thread " + lane));
        out.append('\n');
        int i = 0;
        for (String s : steps) {
            String who = s.substring(0, s.indexOf(':'));
            String what = s.substring(s.indexOf(':') + 2);
            if (what.length() > width) what = what.substring(0, width - 3) + "...";
            out.append(String.format("%5d", ++i));
            for (String lane : lanes) {
                out.append(" | ").append(String.format("%-" + width + "s", lane.equals(who) ? what : ""));
            }
            out.append('\n');
        }
        return out.toString().stripTrailing();
    }

    /**
     * This outcome with its witness's steps and the details its replay gave, so that objects have the same
     * numbers (Object#2) in both.
     */
    public Outcome withSteps(List<String> s, String replayDetail) {
        return new Outcome(kind, label, schedules, witness, preemptions, replayDetail, List.copyOf(s));
    }

    /** The most steps {@link #timeline()} draws; the text twin lists them all the same way. */
    public static final int TIMELINE_STEPS = 40;

    /**
     * The witness drawn with the course's timeline: one lane per thread, each step a labelled dot in schedule
     * order (what it did, and where). Displays as a PNG with a text/plain twin. Without recorded steps the lanes
     * are empty and the title says so.
     */
    public Timeline timeline() {
        java.util.List<String> lanes = new java.util.ArrayList<>();
        for (String s : steps) {
            String who = "thread " + s.substring(0, s.indexOf(':'));
            if (!lanes.contains(who)) lanes.add(who);
        }
        lanes.sort(java.util.Comparator.comparing(String::length).thenComparing(x -> x));
        int shown = Math.min(steps.size(), TIMELINE_STEPS);
        String title = label + " - witness " + (witness.length() > 60 ? witness.substring(0, 57) + "..." : witness)
                + (steps.isEmpty() ? " (steps not recorded)"
                : shown < steps.size() ? " (first " + shown + " of " + steps.size() + " steps)" : "");
        Timeline t = Timeline.of(title, lanes.isEmpty() ? new String[] {"no steps"} : lanes.toArray(new String[0]));
        for (int i = 0; i < shown; i++) {
            String s = steps.get(i);
            String what = s.substring(s.indexOf(':') + 2);
            int at = what.lastIndexOf(" at ");
            String where = at < 0 ? "" : what.substring(at + 4);
            if (at >= 0) what = what.substring(0, at);
            java.util.regex.Matcher m = OBJECT.matcher(what); // "read Box.v of Box#1", "lock (synchronized) Box#1"
            String object = "";
            if (m.matches()) { // the object names the class: "ReentrantLock.lock" -> "lock", "read Box.v" -> "read v"
                what = m.group(1).replaceAll("\\b[A-Z][\\w$]*\\.(\\w+)$", "$1");
                object = m.group(2) + ", ";
            }
            what = what.replaceAll(" \\(.*\\)| array element", "");
            String line = where.contains(":") ? "line " + where.substring(where.lastIndexOf(':') + 1) : where;
            t.event("thread " + s.substring(0, s.indexOf(':')), i, (i + 1) + " " + shorten(what, 17),
                    shorten(object + line, 19));
        }
        return t;
    }

    private static final java.util.regex.Pattern OBJECT =
            java.util.regex.Pattern.compile("(.*?)(?: of)? (\\S+#\\d+(?:\\[\\d+])?)");

    private static String shorten(String s, int most) {
        return s.length() <= most ? s : s.substring(0, most - 3) + "...";
    }

    /** This outcome with its witness's steps. */
    public Outcome withSteps(List<String> s) {
        return new Outcome(kind, label, schedules, witness, preemptions, detail, List.copyOf(s));
    }
}
