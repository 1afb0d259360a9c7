package racecourse.explore.strategy;

import java.util.ArrayList;
import java.util.List;
import racecourse.explore.sched.Chooser;
import racecourse.explore.sched.Ending;
import racecourse.explore.sched.Run;
import racecourse.explore.sched.Strategy;

/**
 * One given schedule, step for step ("A A B A B"); past its end the thread that just ran goes on, else the first
 * that can. A step naming a thread that cannot run ends the schedule with a message that says which can. Not
 * thread-safe.
 */
public final class Replay implements Strategy, Chooser {
    private final int[] steps;
    private boolean ran;
    private boolean extended;

    private Replay(int[] steps) {
        this.steps = steps;
    }

    /**
     * Parses a schedule string: thread letters A..Z (or T26, T27, ...) separated by spaces or commas, and "end"
     * for the end of the program while daemon threads could still run.
     */
    public static Replay parse(String schedule) {
        List<Integer> ids = new ArrayList<>();
        for (String token : schedule.trim().split("[\\s,]+")) {
            if (token.isEmpty()) continue;
            String t = token.toUpperCase();
            if (t.equals("END")) {
                ids.add(Run.END);
            } else if (t.length() == 1 && t.charAt(0) >= 'A' && t.charAt(0) <= 'Z') {
                ids.add(t.charAt(0) - 'A');
            } else if (t.matches("T\\d+")) {
                ids.add(Integer.parseInt(t.substring(1)));
            } else if (t.matches("[A-Z]+")) {
                for (char c : t.toCharArray()) ids.add(c - 'A'); // "AABAB" written without spaces
            } else {
                throw new IllegalArgumentException("bad step '" + token + "' in schedule '" + schedule
                        + "': write thread letters such as \"A A B A B\"");
            }
        }
        return new Replay(ids.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The number of steps given. */
    public int length() {
        return steps.length;
    }

    /** Whether the schedule ran past the given steps (the program needed more). */
    public boolean extended() {
        return extended;
    }

    @Override
    public boolean hasNext() {
        return !ran;
    }

    @Override
    public Chooser next() {
        ran = true;
        return this;
    }

    @Override
    public int choose(Run run, int depth, int current, long enabled) {
        if (depth < steps.length) {
            int id = steps[depth];
            if (id >= 64 || (enabled & (1L << id)) == 0) {
                StringBuilder can = new StringBuilder();
                for (long e = enabled; e != 0; e &= e - 1) {
                    can.append(can.isEmpty() ? "" : " ").append(racecourse.explore.sched.LogicalThread.letter(
                            Long.numberOfTrailingZeros(e)));
                }
                String who = racecourse.explore.sched.LogicalThread.letter(id);
                run.replayFailed("step " + (depth + 1) + ": " + (id == Run.END
                        ? "the program cannot end here (a non-daemon thread has not finished)"
                        : "thread " + who + (id < run.threadCount()
                        ? " cannot run here (it is blocked or has ended)" : " does not exist yet"))
                        + "; threads that can run: " + can);
                return -1;
            }
            return id;
        }
        extended = true;
        if (current >= 0 && (enabled & (1L << current)) != 0) return current;
        return Long.numberOfTrailingZeros(enabled);
    }

    @Override
    public void done(Run run, Ending ending) {
    }

    @Override
    public boolean exhaustive() {
        return false;
    }

    @Override
    public String describe() {
        return "one given schedule";
    }
}
