package racecourse.patterns.icons;

import java.time.Duration;
import java.util.List;
import racecourse.measure.Timing;

/**
 * One run of lesson 02's timing, meant for a child JVM started by {@link Timing}: builds an eager and a locked
 * lazy cache of ten icons, warms both up with a short unreported pass, then measures each with every thread count given and prints one
 * {@code measure} line per cache and thread count. Exits with status 1 if any request got a wrong icon, so a
 * timing never reports numbers from a broken cache. Thread-safe (a main; its state is its own).
 */
public final class IconTrafficTiming {
    /** The icon names both caches serve. */
    public static final List<String> NAMES = List.of("spades.png", "hearts.png", "diamonds.png", "clubs.png",
            "joker.png", "back.png", "ace.png", "king.png", "queen.png", "jack.png");

    private IconTrafficTiming() {
    }

    /** The variant name of one measurement, as the lesson refers to it. */
    public static String variant(boolean eager, int threads) {
        return (eager ? "eager" : "locked") + ", " + threads + " thread" + (threads == 1 ? "" : "s");
    }

    /** Arguments: milliseconds per measurement, then the thread counts. */
    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: IconTrafficTiming MILLIS THREADS...");
            System.exit(2);
        }
        Duration slice = Duration.ofMillis(Long.parseLong(args[0]));
        IconCache eager = new EagerIconCache(new IconLoader(), NAMES);
        IconCache locked = new LockedLazyIconCache(new IconLoader());
        long wrong = 0;
        // pass 0 is a warm-up, not reported: the same sequence, shorter, so the JIT has compiled every path before
        // the first reported measurement (otherwise whichever variant comes first pays for the compilation)
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 1; i < args.length; i++) {
                int threads = Integer.parseInt(args[i]);
                for (boolean isEager : new boolean[] {true, false}) {
                    IconTraffic.Result r = IconTraffic.measure(isEager ? eager : locked, NAMES, threads,
                            pass == 0 ? Duration.ofMillis(100) : slice);
                    wrong += r.wrongAnswers();
                    if (pass == 1) System.out.println(Timing.line(variant(isEager, threads), r.requestsPerMs()));
                }
            }
        }
        if (wrong > 0) {
            System.err.println(wrong + " requests got a wrong icon");
            System.exit(1);
        }
    }
}
