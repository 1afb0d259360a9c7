package racecourse.race.edges;

/**
 * The switch of the detector: the current {@link Session}, or null while tracking is off (the dormant
 * agent). Thread-safe: the session is published through a volatile field.
 */
public final class Tracker {
    static volatile Session session;
    private static volatile boolean agentLoaded;

    private Tracker() {
    }

    /** Marks that the agent instruments classes in this JVM. */
    public static void agentLoaded() {
        agentLoaded = true;
    }

    /** Returns whether the agent instruments classes in this JVM. */
    public static boolean isAgentLoaded() {
        return agentLoaded;
    }

    /** Starts tracking into {@code s}. */
    public static void begin(Session s) {
        session = s;
    }

    /** Stops tracking and returns the session that was running, or null. */
    public static Session end() {
        Session s = session;
        session = null;
        return s;
    }

    /** Returns the running session, or null. */
    public static Session current() {
        return session;
    }
}
