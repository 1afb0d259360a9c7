package racecourse.explore.sched;

/** Stack-frame helpers for reports: which frames are the explorer's or the JDK's. Thread-safe (stateless). */
final class Frames {
    private Frames() {
    }

    /** Whether a frame of this class belongs to the JDK or to the explorer rather than to the program. */
    static boolean internal(String className) {
        return className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.")
                || className.startsWith("racecourse.explore.") && !className.contains("Tests");
    }

    /** The throwable's class and message, then its program frames, one per line (at most 8). */
    static String stack(Throwable e) {
        StringBuilder out = new StringBuilder(e.toString());
        int shown = 0;
        for (StackTraceElement f : e.getStackTrace()) {
            if (internal(f.getClassName())) continue;
            out.append("\n    at ").append(f);
            if (++shown == 8) break;
        }
        return out.toString();
    }
}
