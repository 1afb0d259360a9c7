package racecourse.kernel.channels;

import java.util.function.BooleanSupplier;
import org.dflib.jjava.jupyter.channels.Loop;
import org.zeromq.ZMQ;

/**
 * A channel's loop that waits in its socket's poll, up to {@link #WAIT_MS} at a time, and runs {@code onInput} as
 * soon as the socket has input. jjava's own loops poll without waiting and then sleep (50 ms for shell and control,
 * 500 ms for the heartbeat), so each request waited for the end of a sleep before it was read. Thread-safe: the
 * loop runs on a thread of its own; {@link #stop} may come from any thread.
 */
final class PollLoop {
    /** The longest a poll waits before the loop checks whether it was stopped. */
    static final long WAIT_MS = 100;

    private final Loop loop;

    /**
     * Starts a loop named {@code name} over {@code socket}, which must already be bound. {@code closed} tells an
     * error from a socket closed under the loop, which ends the loop quietly, from any other error, which is logged
     * and also ends it.
     */
    PollLoop(String name, ZMQ.Context context, ZMQ.Socket socket, Runnable onInput, BooleanSupplier closed) {
        ZMQ.Poller poller = context.poller(1);
        poller.register(socket, ZMQ.Poller.POLLIN);
        // a sleep of 0 makes jjava's Loop call the body again at once: the body's poll is the only wait
        this.loop = new Loop(name, 0, () -> {
            if (poller.poll(WAIT_MS) > 0) onInput.run();
        });
        loop.onError(error -> {
            if (!closed.getAsBoolean()) {
                System.err.println("racecourse kernel: the " + name + " loop stopped: " + error);
            }
            return -1; // a negative sleep ends jjava's Loop
        });
        loop.start();
    }

    /**
     * Asks the loop to end after its current poll or message, and waits a little for it to leave its poll, so that
     * the socket is seldom closed under a poll. A loop busy with a long message (a running cell) is not waited for:
     * closing goes on, as in jjava.
     */
    void stop() {
        loop.shutdown();
        if (Thread.currentThread() == loop) return;
        try {
            loop.join(2 * WAIT_MS + 50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops {@code loop} as {@link #stop()} does; nothing when it is null (a channel never bound). */
    static void stop(PollLoop loop) {
        if (loop != null) loop.stop();
    }

    /** Waits until {@code loop} has ended; returns at once when it is null (a channel never bound). */
    static void awaitEnd(PollLoop loop) {
        if (loop == null) return;
        try {
            loop.loop.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The loop's thread, for tests that look at where it waits. */
    Thread thread() {
        return loop;
    }
}
