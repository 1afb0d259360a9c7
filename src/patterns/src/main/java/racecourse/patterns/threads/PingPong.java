package racecourse.patterns.threads;

import java.time.Duration;
import java.util.concurrent.SynchronousQueue;

/**
 * Two threads pass a ball back and forth through two {@link SynchronousQueue}s (a hand-off with no buffer, like an
 * unbuffered channel), and the round trips are timed: the cost of one thread waking another and going to sleep,
 * for platform threads (the kernel schedules them) and for virtual threads (the JVM's scheduler mounts them on
 * carrier threads). Thread-safe.
 */
public final class PingPong {
    /**
     * One measurement.
     *
     * @param kind "platform" or "virtual"
     * @param roundTrips how many round trips were made
     * @param elapsed how long they took
     */
    public record Rally(String kind, int roundTrips, Duration elapsed) {
        /** Average time for one hand-off (half a round trip), in nanoseconds. */
        public double nanosPerHandoff() {
            return elapsed.toNanos() / (2.0 * roundTrips);
        }

        @Override
        public String toString() {
            return String.format("%-8s %,d round trips in %d ms: %.0f ns per hand-off", kind, roundTrips,
                    elapsed.toMillis(), nanosPerHandoff());
        }
    }

    private PingPong() {
    }

    /** Plays {@code roundTrips} round trips between two threads from {@code builder} and times them. */
    public static Rally play(String kind, Thread.Builder builder, int roundTrips) throws InterruptedException {
        if (roundTrips < 1) throw new IllegalArgumentException("roundTrips must be at least 1");
        SynchronousQueue<Integer> ping = new SynchronousQueue<>();
        SynchronousQueue<Integer> pong = new SynchronousQueue<>();
        long[] elapsed = new long[1];
        Thread echo = builder.start(() -> {
            try {
                for (int i = 0; i < roundTrips; i++) pong.put(ping.take() + 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread server = builder.start(() -> {
            try {
                long start = System.nanoTime();
                int ball = 0;
                for (int i = 0; i < roundTrips; i++) {
                    ping.put(ball);
                    ball = pong.take();
                }
                elapsed[0] = System.nanoTime() - start;
                if (ball != roundTrips) throw new IllegalStateException("ball came back as " + ball);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.join();
        echo.join();
        return new Rally(kind, roundTrips, Duration.ofNanos(elapsed[0]));
    }

    /** Round trips between two platform threads. */
    public static Rally platform(int roundTrips) throws InterruptedException {
        return play("platform", Thread.ofPlatform(), roundTrips);
    }

    /** Round trips between two virtual threads. */
    public static Rally virtual(int roundTrips) throws InterruptedException {
        return play("virtual", Thread.ofVirtual(), roundTrips);
    }
}
