package racecourse.race;

import java.util.concurrent.locks.ReentrantLock;
import racecourse.race.edges.Session;
import racecourse.race.edges.Tracker;
import racecourse.race.report.RaceLog;

/**
 * A period of tracking in a JVM started with the dormant agent, for a notebook cell: {@link Race#start()}
 * opens it, {@link #stop()} closes it and returns its report. Thread-safe; one session runs at a time.
 */
public final class RaceSession implements AutoCloseable {
    static final ReentrantLock ONE_AT_A_TIME = new ReentrantLock();

    private final Session session;
    private RaceReport report; // guarded by this

    RaceSession(int max) {
        session = new Session(new RaceLog(max, null, null, null));
        Tracker.begin(session);
    }

    /** Stops tracking and returns the races found; later calls return the same report. */
    public synchronized RaceReport stop() {
        if (report == null) {
            if (Tracker.current() == session) {
                Tracker.end();
            }
            session.log().finish();
            report = new RaceReport(session.log().races(), session.log().count());
            if (ONE_AT_A_TIME.isHeldByCurrentThread()) {
                ONE_AT_A_TIME.unlock();
            }
        }
        return report;
    }

    /** Returns the threads that ran tracked code in this session and are still alive. */
    public java.util.List<Thread> liveThreads() {
        return session.liveThreads();
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }
}
