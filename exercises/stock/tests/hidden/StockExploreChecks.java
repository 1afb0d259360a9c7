import static org.junit.jupiter.api.Assertions.assertEquals;

import racecourse.explore.Explore;
import racecourse.grader.api.Subject;

/**
 * Hidden concurrency check of the stock exercise, run under the schedule explorer (exercise.properties names the
 * strategy, seed and budget). The program is the one the notebook replay line builds, so a witness schedule
 * replays step for step on the learner's own class.
 */
class StockExploreChecks {
    /**
     * A move while one thread reads the total and another reads a shelf: the total is 10 whenever it is read, the
     * move happens, and the two readers (which may share a read lock) write nothing unordered.
     */
    static Explore<StockContract> moveWhileReading() {
        return Explore.of(() -> {
            StockContract s = Subject.of(StockContract.class).create(2);
            s.add(0, 10);
            return s;
        }).thread(s -> s.move(0, 1, 4))
                .thread(s -> {
                    int total = s.total();
                    if (total != 10) {
                        throw new IllegalStateException("total() returned " + total + " during a move; it is always 10");
                    }
                })
                .thread(s -> s.count(1))
                .after(s -> {
                    String end = s.count(0) + "+" + s.count(1);
                    assertEquals("6+4", end, "moving 4 of 10 items from shelf 0 to shelf 1 should leave 6+4");
                    return end;
                });
    }
}
