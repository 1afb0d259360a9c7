package racecourse.explore.sched;

/** Picks the thread that takes each step of one schedule. Not thread-safe: one schedule at a time. */
public interface Chooser {
    /**
     * Returns the id of the thread to run next, or -1 to drop this schedule (it adds nothing new).
     *
     * @param run     the schedule so far ({@link Run#pending(int)} gives each thread's next step)
     * @param depth   the number of steps taken so far
     * @param current the thread that just ran, or -1
     * @param enabled the threads that may run, as a bit mask of ids (never empty)
     */
    int choose(Run run, int depth, int current, long enabled);
}
