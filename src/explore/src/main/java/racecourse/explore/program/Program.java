package racecourse.explore.program;

import java.util.List;
import racecourse.explore.sched.Run;

/** A program the explorer can run again and again, fresh each time. Implementations say their thread-safety. */
public interface Program {
    /**
     * One fresh copy of the program, ready for one schedule.
     *
     * @param starts the threads it starts with
     * @param result what it produced, asked once every thread has ended normally; null when it has no result
     */
    record Instance(List<Run.Start> starts, ResultProbe result) {
    }

    /** What a finished schedule produced. */
    @FunctionalInterface
    interface ResultProbe {
        /** The value as text. */
        String get() throws Exception;
    }

    /** Prepares a fresh copy (called on the exploring thread, before each schedule). */
    Instance prepare() throws Exception;

    /** A short description ("2 threads from a notebook cell", "main of Bank"). */
    String describe();

    /** Called once after the exploration, to release what the program holds. */
    default void close() {
    }
}
