package racecourse.race.report;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.Set;

/**
 * A short report of the program's live threads, for a program ended by a timeout: each thread, its state, the
 * lock it waits for (and who holds it) and where it is, JDK frames folded and the detector's own frames never
 * shown. Thread-safe (stateless).
 */
public final class ThreadReport {
    /** Threads of the JVM itself and of the detector, never part of the program. */
    private static final Set<String> SYSTEM = Set.of("Reference Handler", "Finalizer", "Signal Dispatcher",
            "Common-Cleaner", "Notification Thread", "Attach Listener", "DestroyJavaVM", "race-report");
    private static final int FRAMES = 6;

    private ThreadReport() {
    }

    /** Prints the program's live threads to {@code out}. */
    public static void print(PrintStream out) {
        ThreadInfo[] all = ManagementFactory.getThreadMXBean().dumpAllThreads(true, false);
        StringBuilder b = new StringBuilder();
        int shown = 0;
        for (ThreadInfo t : all) {
            if (t == null || SYSTEM.contains(t.getThreadName()) || t.getThreadId() == Thread.currentThread().threadId()
                    || onlyJdk(t.getStackTrace())) {
                continue;
            }
            shown++;
            b.append("  \"").append(t.getThreadName()).append("\" (#").append(t.getThreadId()).append(") ")
                    .append(t.getThreadState());
            if (t.getLockName() != null) {
                b.append(", waiting for ").append(lock(t.getLockName()));
                if (t.getLockOwnerName() != null) {
                    b.append(" held by \"").append(t.getLockOwnerName()).append("\" (#").append(t.getLockOwnerId())
                            .append(')');
                }
            }
            b.append('\n');
            int jdk = 0;
            int printed = 0;
            for (StackTraceElement f : t.getStackTrace()) {
                String c = f.getClassName();
                if (c.startsWith("racecourse.race.")) {
                    continue;
                }
                if (isJdk(c)) {
                    jdk++;
                    continue;
                }
                if (jdk > 0) {
                    b.append("      … ").append(jdk).append(jdk == 1 ? " JDK frame\n" : " JDK frames\n");
                    jdk = 0;
                }
                if (printed++ == FRAMES) {
                    b.append("      …\n");
                    break;
                }
                b.append("      at ").append(c).append('.').append(f.getMethodName()).append('(')
                        .append(f.getFileName() == null ? "?" : f.getFileName() + ":" + f.getLineNumber())
                        .append(")\n");
            }
        }
        if (shown == 0) {
            b.append("  (no thread of the program is alive)\n");
        }
        out.print(b);
        out.flush();
    }

    /** A JVM-internal or pool-idle thread whose stack has no frame of the program. */
    private static boolean onlyJdk(StackTraceElement[] stack) {
        for (StackTraceElement f : stack) {
            if (!isJdk(f.getClassName()) && !f.getClassName().startsWith("racecourse.race.")) {
                return false;
            }
        }
        return true;
    }

    private static boolean isJdk(String c) {
        return c.startsWith("java.") || c.startsWith("javax.") || c.startsWith("jdk.") || c.startsWith("sun.")
                || c.startsWith("com.sun.") || c.contains("$$Lambda");
    }

    /** {@code java.lang.Object@1b6d3586} reads as {@code a java.lang.Object (1b6d3586)}. */
    private static String lock(String name) {
        int at = name.indexOf('@');
        return at < 0 ? name : "a " + name.substring(0, at) + " (" + name.substring(at + 1) + ")";
    }
}
