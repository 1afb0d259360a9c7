package racecourse.race.report;

import java.util.List;
import racecourse.race.Access;
import racecourse.race.DataRace;
import racecourse.race.Frame;

/**
 * Renders races in Go's report shape. Thread-safe (stateless).
 */
public final class RaceText {
    /** The line that frames each race. */
    public static final String SEPARATOR = "==================";

    private RaceText() {
    }

    /** Renders one race, separators included. */
    public static String race(DataRace r) {
        StringBuilder b = new StringBuilder();
        b.append(SEPARATOR).append('\n').append("WARNING: DATA RACE\n");
        access(b, r.current().write() ? "Write" : "Read", r.variable(), r.current());
        b.append('\n');
        access(b, r.previous().write() ? "Previous write" : "Previous read", r.variable(), r.previous());
        created(b, r.current());
        if (r.previous().threadId() != r.current().threadId() || r.previous().task() || r.current().task()) {
            created(b, r.previous());
        }
        b.append(SEPARATOR).append('\n');
        return b.toString();
    }

    /**
     * Renders one race on one line: {@code data race on V: write at A.java:3 and read at A.java:5, in two threads
     * with no synchronization between them}, the two places in text order (as the schedule explorer lists them).
     */
    public static String line(DataRace r) {
        String a = (r.previous().write() ? "write" : "read") + " at " + place(r.previous());
        String b = (r.current().write() ? "write" : "read") + " at " + place(r.current());
        String first = a.compareTo(b) <= 0 ? a : b;
        String second = a.compareTo(b) <= 0 ? b : a;
        return "data race on " + r.variable() + ": " + first + " and " + second
                + ", in two threads with no synchronization between them";
    }

    private static String place(Access a) {
        if (a.stack().isEmpty()) {
            return "?";
        }
        Frame f = a.stack().getFirst();
        return f.line() > 0 ? f.file() + ":" + f.line() : f.className() + "." + f.method();
    }

    private static void access(StringBuilder b, String what, String variable, Access a) {
        b.append(what).append(" at ").append(variable).append(" by ").append(who(a)).append(":\n");
        frames(b, a.stack());
    }

    /** A thread as {@code thread "name" (#id)}; a pool task as {@code pool task (run by thread "name" (#id))}. */
    private static String who(Access a) {
        String thread = "thread \"" + a.threadName() + "\" (#" + a.threadId() + ")";
        return a.task() ? "pool task (run by " + thread + ")" : thread;
    }

    private static void created(StringBuilder b, Access a) {
        if (a.threadCreatedAt().isEmpty()) {
            return;
        }
        b.append('\n');
        if (a.task()) {
            b.append("Pool task (run by thread \"").append(a.threadName()).append("\" (#").append(a.threadId())
                    .append(")) submitted at:\n");
        } else {
            b.append("Thread \"").append(a.threadName()).append("\" (#").append(a.threadId())
                    .append(") created at:\n");
        }
        frames(b, a.threadCreatedAt());
    }

    /**
     * Frames that belong to whatever called the learner's code (reflection, a test runner, the notebook kernel,
     * the grader): a stack is printed down to the first of them, the way Go's report ends at the goroutine's entry.
     */
    private static final List<String> RUNNER_PREFIXES = List.of("jdk.internal.reflect.", "java.lang.reflect.",
            "org.junit.", "racecourse.kernel.", "racecourse.grader.");

    private static void frames(StringBuilder b, List<Frame> frames) {
        if (frames.isEmpty()) {
            b.append("  (stack unknown)\n");
        }
        int jdk = 0;
        Frame lastJdk = null;
        for (Frame f : frames) {
            if (RUNNER_PREFIXES.stream().anyMatch(f.className()::startsWith)) {
                break;
            }
            if (isJdk(f)) {
                jdk++;
                lastJdk = f;
                continue;
            }
            foldJdk(b, jdk, lastJdk);
            jdk = 0;
            b.append("  ").append(f).append('\n');
        }
        foldJdk(b, jdk, lastJdk);
    }

    /** A run of JDK frames reads as one line; a lone one is shown as it is. */
    private static void foldJdk(StringBuilder b, int count, Frame last) {
        if (count == 1) {
            b.append("  ").append(last).append('\n');
        } else if (count > 1) {
            b.append("  … ").append(count).append(" JDK frames\n");
        }
    }

    private static boolean isJdk(Frame f) {
        String c = f.className();
        return c.startsWith("java.") || c.startsWith("javax.") || c.startsWith("jdk.") || c.startsWith("sun.")
                || c.startsWith("com.sun.");
    }

    /** Renders the closing summary. */
    public static String summary(int count, int shown) {
        if (count == 0) {
            return "No data races found.\n";
        }
        String s = "Found " + count + " data race(s)\n";
        if (shown < count) {
            s = "(" + (count - shown) + " more race(s) not shown in full: report cap reached)\n" + s;
        }
        return s;
    }
}
