package racecourse.kernel.channels;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.dflib.jjava.jupyter.channels.IOPubChannel;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.zeromq.ZMQ;

/**
 * The kernel's connection to Jupyter: jjava's {@link JupyterConnection} (handlers, stdin, reply environments), with
 * its shell, control and heartbeat channels replaced by ones that answer as soon as a message arrives, and an iopub
 * channel that tells when a client has connected to it. The replacements live in a ZeroMQ context of their own,
 * since jjava keeps its context private; jjava's four unused sockets are never bound.
 *
 * <p>A kernel that answers at once can answer a client's first request before the client's iopub subscription
 * has reached it; the request's busy and idle statuses are then lost, and jupyter_client waits 0.2 s and asks
 * again. So the first request waits, up to {@link #FIRST_REQUEST_WAIT_MS}, until a client has completed its
 * handshake on iopub. Thread-safe as jjava's connection is.
 */
public final class PromptConnection extends JupyterConnection {
    private final KernelConnectionProperties properties;
    private final ZMQ.Context context = ZMQ.context(1);
    private final PromptShellChannel promptShell;
    private final PromptShellChannel promptControl;
    private final PromptHeartbeatChannel promptHeartbeat;
    private final IOPubChannel promptIopub;
    private final IopubWatch iopubWatch;
    private final AtomicBoolean portsBound = new AtomicBoolean();
    private final AtomicBoolean connected = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean firstRequestSeen = new AtomicBoolean();
    private final AtomicInteger waitsForIopub = new AtomicInteger();

    /** Makes the sockets for {@code properties}; {@link #bindPorts} or {@link #connect} binds them. */
    public PromptConnection(KernelConnectionProperties properties) throws NoSuchAlgorithmException, InvalidKeyException {
        super(properties);
        this.properties = properties;
        HMACGenerator hmac = properties.createHMACGenerator();
        this.promptShell = new PromptShellChannel(context, hmac, false, this);
        this.promptControl = new PromptShellChannel(context, hmac, true, this);
        this.promptHeartbeat = new PromptHeartbeatChannel(context, hmac);
        this.promptIopub = new IOPubChannel(context, hmac);
        this.iopubWatch = new IopubWatch(context, promptIopub);
    }

    private List<JupyterSocket> bound() {
        return List.of(promptHeartbeat, promptShell, promptControl, stdin, promptIopub);
    }

    /**
     * Binds every socket and starts the heartbeat, without answering requests yet; later calls do nothing. Bound
     * before the kernel is built, the ports let a client connect meanwhile, and its first request waits in the
     * socket's queue. A ZeroMQ client whose connection is refused tries again only after 100 to 200 ms.
     */
    public void bindPorts() {
        if (!portsBound.compareAndSet(false, true)) return;
        iopubWatch.start(); // before iopub binds, so that no handshake goes unseen
        for (JupyterSocket socket : bound()) socket.bind(properties);
    }

    /** Binds the sockets if {@link #bindPorts} has not, starts answering requests and publishes {@code starting}. */
    @Override
    public void connect() {
        if (!connected.compareAndSet(false, true)) return;
        bindPorts();
        promptShell.startLoop();
        promptControl.startLoop();
        getIOPub().sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
    }

    /** Stops the loops and closes every socket and both contexts; later calls do nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        promptShell.close();
        promptControl.close();
        promptHeartbeat.close();
        iopubWatch.stop();
        promptIopub.close();
        super.close(); // jjava's sockets (stdin, and the four never bound) and its context
        context.close();
    }

    /** Waits until the shell, control and heartbeat loops have ended. */
    @Override
    public void waitUntilClose() {
        promptShell.waitUntilClose();
        promptControl.waitUntilClose();
        promptHeartbeat.waitUntilClose();
        super.waitUntilClose();
    }

    @Override
    public IOPubChannel getIOPub() {
        return promptIopub;
    }

    @Override
    public ShellReplyEnvironment prepareReplyEnv(ShellChannel channel, MessageContext context) {
        return new PromptReplyEnvironment(channel, stdin, promptIopub, context);
    }

    /** The longest the first request waits for a client on iopub. */
    static final long FIRST_REQUEST_WAIT_MS = 500;

    /**
     * Called before each request is handled: the first waits until a client has connected to iopub, or
     * {@link #FIRST_REQUEST_WAIT_MS} have passed; later ones go straight on.
     */
    void beforeRequest() {
        if (!firstRequestSeen.compareAndSet(false, true)) return;
        waitsForIopub.incrementAndGet();
        iopubWatch.awaitClient(FIRST_REQUEST_WAIT_MS);
    }

    /** How many requests waited for a client on iopub (at most one); for tests. */
    int requestsThatWaitedForIopub() {
        return waitsForIopub.get();
    }

    /** Whether a client has completed its handshake on iopub; for tests. */
    boolean iopubHasClient() {
        return iopubWatch.awaitClient(0);
    }

    /** Whether a request waits, unread, in the shell socket's queue; for tests, before {@link #connect} only. */
    boolean shellHasWaitingRequest() {
        return (promptShell.getEvents() & ZMQ.Poller.POLLIN) != 0;
    }

    /** The shell channel's loop thread once connected; for tests. */
    Thread shellThread() {
        return promptShell.loopThread();
    }
}
