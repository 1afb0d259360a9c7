package racecourse.stress.bench;

import java.util.Locale;
import racecourse.stress.QuickLook;

/**
 * One execution of lesson 06's quick look at store buffering, in a JVM of its own as a notebook's kernel would
 * be; prints {@code quicklook seen=... runs=... samples=... count=... overlap=...}. Not thread-safe (a main).
 */
public final class QuickLookChild {
    private QuickLookChild() {
    }

    /** Runs the look without progress output and prints one record line. */
    public static void main(String[] args) {
        QuickLook.Attempts a = QuickLook.look(StoreBufferingBench.class, QuickLook.LESSON_06.progress(false), "0, 0",
                QuickLook.LESSON_06_RETRIES);
        System.out.printf(Locale.ROOT, "quicklook seen=%s runs=%d samples=%d count=%d overlap=%.4f%n", a.seen(),
                a.runs().size(), a.samples(), a.count(), a.leastOverlap());
    }
}
