package racecourse.kernel.channels;

import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.zeromq.ZMQ;

/**
 * The shell or control channel: reads each request as soon as it arrives and hands it to the connection's handler
 * for its type, as jjava's {@link ShellChannel} does, but from a {@link PollLoop}. Thread-safe as jjava's channels
 * are: requests are handled one at a time on the loop's thread; replies may be sent from any thread.
 */
public final class PromptShellChannel extends ShellChannel {
    private final boolean control;
    private final PromptConnection connection;
    private volatile boolean bound;
    private volatile PollLoop loop;
    private volatile boolean closing; // set before the socket closes, so the loop ends quietly

    PromptShellChannel(ZMQ.Context context, HMACGenerator hmac, boolean control, PromptConnection connection) {
        super(context, hmac, control, connection, 0); // jjava's sleep between polls is never used: bind is ours
        this.control = control;
        this.connection = connection;
    }

    @Override
    public void bind(KernelConnectionProperties properties) {
        if (bound) throw new IllegalStateException((control ? "control" : "shell") + " channel already bound");
        int port = control ? properties.getControlPort() : properties.getShellPort();
        bind(formatAddress(properties.getTransport(), properties.getIp(), port));
        bound = true;
    }

    /**
     * Starts answering requests. Until then a bound socket only queues them: a client can connect and send while
     * the kernel is still being built.
     */
    void startLoop() {
        if (!bound) throw new IllegalStateException((control ? "control" : "shell") + " channel not bound");
        if (loop != null) return;
        loop = new PollLoop(control ? "racecourse-control" : "racecourse-shell", ctx, this, this::handleOne,
                () -> closing);
    }

    /**
     * Reads one request and runs its handler; the reply environment's deferred messages go out after it. A message
     * that cannot be read (a bad signature, malformed JSON) is dropped with a warning, and the loop goes on.
     */
    private void handleOne() {
        Message<?> message;
        try {
            message = readMessage(); // reads every frame before it checks the signature and parses
        } catch (RuntimeException e) {
            if (!closing) logger.warn("Dropped a message that could not be read: {}", String.valueOf(e));
            return;
        }
        @SuppressWarnings("unchecked")
        ShellHandler<Object> handler = (ShellHandler<Object>) connection.getHandler(message.getHeader().getType());
        if (handler == null) {
            logger.warn("Unhandled message: {}", message.getHeader().getType().getName());
            return;
        }
        connection.beforeRequest();
        ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
        try {
            @SuppressWarnings("unchecked")
            Message<Object> typed = (Message<Object>) message;
            handler.handle(env, typed);
        } catch (Exception e) {
            logger.warn("Unhandled exception handling {}. {} - {}", message.getHeader().getType().getName(),
                    e.getClass().getSimpleName(), e.getLocalizedMessage());
        } finally {
            env.resolveDeferrals();
        }
        if (env.isMarkedForShutdown()) connection.close();
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

    /** The loop's thread once bound, else null; for tests. */
    Thread loopThread() {
        PollLoop l = loop;
        return l == null ? null : l.thread();
    }
}
