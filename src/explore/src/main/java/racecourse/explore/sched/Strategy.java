package racecourse.explore.sched;

/** A way of picking schedules one after another. Not thread-safe: one exploration at a time. */
public interface Strategy {
    /** Whether there is another schedule to run. */
    boolean hasNext();

    /** The chooser for the next schedule. */
    Chooser next();

    /** Told how the schedule just run ended. */
    void done(Run run, Ending ending);

    /** Whether the schedule just run is counted (an iterative bound counts each schedule once). */
    default boolean counts(Run run) {
        return true;
    }

    /** Whether running out of schedules means every schedule (or trace) was covered. */
    boolean exhaustive();

    /** A short description of the strategy and its parameters. */
    String describe();
}
