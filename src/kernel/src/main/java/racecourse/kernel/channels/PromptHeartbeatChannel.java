package racecourse.kernel.channels;

import org.dflib.jjava.jupyter.channels.HeartbeatChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.zeromq.ZMQ;

/**
 * The heartbeat channel: echoes each ping as soon as it arrives, from a {@link PollLoop} (jjava's own slept 500 ms
 * between polls). Thread-safe: only the loop's thread touches the socket once bound.
 */
public final class PromptHeartbeatChannel extends HeartbeatChannel {
    private volatile PollLoop loop;
    private volatile boolean closing; // set before the socket closes, so the loop ends quietly

    PromptHeartbeatChannel(ZMQ.Context context, HMACGenerator hmac) {
        super(context, hmac, 0);
    }

    @Override
    public void bind(KernelConnectionProperties properties) {
        if (loop != null) throw new IllegalStateException("heartbeat channel already bound");
        bind(formatAddress(properties.getTransport(), properties.getIp(), properties.getHbPort()));
        loop = new PollLoop("racecourse-heartbeat", ctx, this, this::echo, () -> closing);
    }

    private void echo() {
        byte[] ping = recv();
        if (ping == null) return;
        if (!send(ping)) logger.warn("Could not send the heartbeat reply");
    }

    @Override
    public void close() {
        closing = true;
        PollLoop.stop(loop);
        super.close();
    }

    @Override
    public void waitUntilClose() {
        PollLoop.awaitEnd(loop);
    }
}
