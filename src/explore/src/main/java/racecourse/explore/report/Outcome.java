package racecourse.explore.report;

import java.util.List;
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

    /** This outcome with its witness's steps. */
    public Outcome withSteps(List<String> s) {
        return new Outcome(kind, label, schedules, witness, preemptions, detail, List.copyOf(s));
    }
}
