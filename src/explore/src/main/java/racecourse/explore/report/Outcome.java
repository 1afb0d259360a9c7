package racecourse.explore.report;

import java.util.List;
import racecourse.explore.sched.Ending;

/**
 * One outcome of an exploration: what the schedules produced, how many reached it, and the witness with the
 * fewest preemptions (its schedule string, its steps, and details). Immutable.
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

    /** This outcome with its witness's steps. */
    public Outcome withSteps(List<String> s) {
        return new Outcome(kind, label, schedules, witness, preemptions, detail, List.copyOf(s));
    }
}
