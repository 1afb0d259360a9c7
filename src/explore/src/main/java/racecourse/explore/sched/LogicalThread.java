package racecourse.explore.sched;

/**
 * A thread of the program under test, as the scheduler sees it: its letter, its body, the step it waits to take
 * and why it may be blocked. Not thread-safe: only the one thread that holds the schedule's turn touches it.
 */
public final class LogicalThread {
    final int id;
    final String letter;
    final Run run;
    final Runnable body;
    Thread thread; // the program's Thread object, or one made on demand
    boolean daemon;
    Worker worker;
    Object continuation; // when the schedule runs its threads as continuations
    int initialising; // how many static initialisers this thread is inside: no steps while above 0
    java.util.IdentityHashMap<ThreadLocal<?>, Object> locals; // this thread's thread-local values
    Op pending = Op.BEGIN_OP;
    Blocker blocker;
    boolean finished;
    boolean spinning;
    boolean timedOut;
    boolean interrupted;
    boolean permit;
    boolean notified;
    int steps;
    Object lastReadTarget;
    int lastReadKey = Integer.MIN_VALUE;
    long lastReadWrites;
    int repeats;

    LogicalThread(Run run, int id, Runnable body, Thread thread) {
        this.run = run;
        this.id = id;
        this.body = body;
        this.thread = thread;
        this.letter = letter(id);
        this.daemon = thread != null && thread.isDaemon();
    }

    /**
     * The letter a schedule string uses for thread number {@code id}: A..Z, then T26, T27, ...; the end of the
     * program ({@link Run#END}) is written "end".
     */
    public static String letter(int id) {
        if (id == Run.END) return "end";
        return id < 26 ? String.valueOf((char) ('A' + id)) : "T" + id;
    }

    /** This thread's letter. */
    public String letter() {
        return letter;
    }

    /** The program's name for this thread, or its letter. */
    public String name() {
        return thread != null ? thread.getName() : letter;
    }

    Thread threadObject() {
        if (thread == null) {
            thread = new Thread((Runnable) null, letter);
            run.byThread.put(thread, this);
        }
        return thread;
    }
}
