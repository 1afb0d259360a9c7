package racecourse.race.edges;

/**
 * The switch of the detector: the current {@link Session}, or null while tracking is off (the dormant
 * agent). Thread-safe: the session is published through a volatile field.
 */
public final class Tracker {
    /**
     * Whether a session may be running: a plain field, read first by every hook, so that a dormant agent
     * does not stop the JIT from optimizing the code around the hooks (a volatile read would). A thread
     * sees it switched on at the latest after its next synchronization with the thread that switched it.
     */
    static boolean on;
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
        Hooks.forgetStates();
        session = s;
        on = true;
    }

    /** Stops tracking and returns the session that was running, or null. */
    public static Session end() {
        on = false;
        Session s = session;
        session = null;
        Hooks.forgetStates();
        return s;
    }

    /** Returns the running session, or null. */
    public static Session current() {
        return session;
    }
}
