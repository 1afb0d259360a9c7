package racecourse.kernel.channels;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * Watches the iopub socket's handshakes through a ZeroMQ socket monitor, and tells whether a client has connected
 * to it. A subscriber sends its subscription right after the handshake, so once a handshake is seen a published
 * message is very likely to reach it. Thread-safe: the monitor's socket is read only on the watch's own loop.
 */
final class IopubWatch {
    private static final AtomicInteger IDS = new AtomicInteger();

    private final ZMQ.Context context;
    private final ZMQ.Socket iopub;
    private final String address = "inproc://racecourse-iopub-watch-" + IDS.incrementAndGet();
    private final CountDownLatch firstClient = new CountDownLatch(1);
    private volatile ZMQ.Socket events;
    private volatile PollLoop loop;
    private volatile boolean stopping;

    IopubWatch(ZMQ.Context context, ZMQ.Socket iopub) {
        this.context = context;
        this.iopub = iopub;
    }

    /** Starts watching; call before the iopub socket binds. */
    void start() {
        iopub.monitor(address, ZMQ.EVENT_HANDSHAKE_PROTOCOL);
        ZMQ.Socket socket = context.socket(SocketType.PAIR);
        socket.connect(address);
        events = socket;
        loop = new PollLoop("racecourse-iopub-watch", context, socket, this::readEvent, () -> stopping);
    }

    private void readEvent() {
        ZMQ.Event event = ZMQ.Event.recv(events, ZMQ.DONTWAIT);
        if (event != null && event.getEvent() == ZMQ.EVENT_HANDSHAKE_PROTOCOL) firstClient.countDown();
    }

    /** Waits up to {@code millis} for a client's handshake on iopub; returns whether one has happened. */
    boolean awaitClient(long millis) {
        if (firstClient.getCount() == 0) return true;
        try {
            return firstClient.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops the monitor and its loop; call before the iopub socket closes. */
    void stop() {
        stopping = true;
        firstClient.countDown(); // nobody waits for a client of a closed connection
        PollLoop.stop(loop);
        ZMQ.Socket socket = events;
        if (socket != null) {
            iopub.monitor(null, 0);
            socket.close();
        }
    }
}
