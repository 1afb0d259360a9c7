package racecourse.race;

import racecourse.race.agent.AgentOptions;
import racecourse.race.edges.Tracker;

/**
 * Race detection inside a running JVM (a notebook kernel, a test): the JVM must have been started with
 * the detector agent, {@code -javaagent:racecourse-race.jar}, which stays dormant until these methods
 * turn tracking on. Thread-safe: sessions are serialized.
 */
public final class Race {
    /** How long {@link #check} waits for threads started by its body to finish. */
    public static final long GRACE_MILLIS = 5_000;

    private Race() {
    }

    /** Returns whether the detector agent is loaded in this JVM. */
    public static boolean agentLoaded() {
        return Tracker.isAgentLoaded();
    }

    /**
     * Runs {@code body} with tracking on and returns the races among the accesses made while tracking was
     * on: by the body and by the threads it started, for which it waits up to {@link #GRACE_MILLIS}.
     *
     * @throws IllegalStateException if the agent is not loaded
     */
    public static RaceReport check(Runnable body) {
        RaceSession s = start();
        try {
            body.run();
            long deadline = System.currentTimeMillis() + GRACE_MILLIS;
            for (Thread t : s.liveThreads()) {
                long left = deadline - System.currentTimeMillis();
                if (t != Thread.currentThread() && left > 0) {
                    try {
                        t.join(left);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
        } finally {
            s.stop();
        }
        return s.stop();
    }

    /**
     * Turns tracking on until the returned session is stopped; waits while another session runs.
     *
     * @throws IllegalStateException if the agent is not loaded
     */
    public static RaceSession start() {
        if (!agentLoaded()) {
            throw new IllegalStateException("Race.check needs the race detector in this JVM, and this JVM runs "
                    + "without it (a notebook kernel never loads it, so that lessons measure the plain JVM). In a "
                    + "notebook, put %%race on the first line of a cell that runs the code instead; from a terminal, "
                    + "run 'racecourse race Program.java'; or start the JVM with -javaagent:<racecourse-race jar> "
                    + "(see docs/race.md)");
        }
        if (Tracker.current() != null && !RaceSession.ONE_AT_A_TIME.isLocked()) {
            throw new IllegalStateException("the race detector already tracks this whole JVM (agent option on)");
        }
        RaceSession.ONE_AT_A_TIME.lock();
        return new RaceSession(AgentOptions.DEFAULT_MAX);
    }
}
