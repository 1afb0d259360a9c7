package racecourse.patterns.threads;

import racecourse.measure.Timing;

/**
 * One run of lesson 09's hand-off timing, meant for a child JVM started by {@link Timing}: a warm-up rally of each
 * kind, unreported, then one rally of platform threads and one of virtual threads, each printed as a
 * {@code measure} line of nanoseconds per hand-off. Thread-safe (a main; its state is its own).
 */
public final class PingPongTiming {
    private PingPongTiming() {
    }

    /** Argument: round trips per rally. */
    public static void main(String[] args) throws InterruptedException {
        if (args.length != 1) {
            System.err.println("usage: PingPongTiming ROUND_TRIPS");
            System.exit(2);
        }
        int roundTrips = Integer.parseInt(args[0]);
        PingPong.platform(Math.max(1, roundTrips / 10));
        PingPong.virtual(Math.max(1, roundTrips / 10));
        System.out.println(Timing.line("platform", PingPong.platform(roundTrips).nanosPerHandoff()));
        System.out.println(Timing.line("virtual", PingPong.virtual(roundTrips).nanosPerHandoff()));
    }
}
