package racecourse.kernel.channels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.dflib.jjava.jupyter.messages.reply.IsCompleteReply;
import org.dflib.jjava.jupyter.messages.reply.ShutdownReply;
import org.dflib.jjava.jupyter.messages.request.IsCompleteRequest;
import org.dflib.jjava.jupyter.messages.request.ShutdownRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * The kernel's connection: requests on shell and control are answered, pings are echoed, a message that cannot be
 * read is dropped without stopping the loop, no loop sleeps between polls, iopub tells when a client connects, and
 * a request sent once the ports are bound waits until the kernel connects.
 */
class PromptConnectionTests {
    private static final int DEADLINE_MS = 60_000; // generous: only a broken channel comes near it
    private static final String KEY = "a-test-key";

    private KernelConnectionProperties properties;
    private PromptConnection connection;
    private ZMQ.Context clientContext;

    @BeforeEach
    void connect() throws Exception {
        properties = freeProperties();
        connection = withHandlers(new PromptConnection(properties));
        connection.connect();
        clientContext = ZMQ.context(1);
    }

    private static KernelConnectionProperties freeProperties() throws Exception {
        int[] ports = new int[5];
        for (int i = 0; i < ports.length; i++) {
            try (ServerSocket socket = new ServerSocket(0)) {
                ports[i] = socket.getLocalPort();
            }
        }
        return new KernelConnectionProperties("127.0.0.1", ports[0], ports[1], ports[2], ports[3], ports[4],
                "tcp", "hmac-sha256", KEY);
    }

    private static PromptConnection withHandlers(PromptConnection connection) {
        connection.setHandler(IsCompleteRequest.MESSAGE_TYPE, (env, message) -> {
            env.setBusyDeferIdle(); // as the kernel's handlers do: busy now, idle once the reply is out
            env.reply(message.getContent().getCode().endsWith(";")
                    ? IsCompleteReply.VALID_CODE : IsCompleteReply.getIncompleteReplyWithIndent("  "));
        });
        connection.setHandler(ShutdownRequest.MESSAGE_TYPE, (env, message) -> {
            env.reply(ShutdownReply.SHUTDOWN);
            env.markForShutdown();
        });
        return connection;
    }

    @AfterEach
    void close() {
        connection.close();
        clientContext.close();
    }

    private WireClient client(int port) {
        return new WireClient(clientContext, port, KEY, DEADLINE_MS);
    }

    private static String isComplete(WireClient client, String code) {
        return isComplete(client, code, true);
    }

    /** Sends an is_complete request; returns the reply's status, or null when not {@code awaitReply}. */
    private static String isComplete(WireClient client, String code, boolean awaitReply) {
        JsonObject content = new JsonObject();
        content.addProperty("code", code);
        client.send("is_complete_request", content);
        if (!awaitReply) return null;
        WireClient.Reply reply = client.receive();
        assertEquals("is_complete_reply", reply.type());
        return reply.content().get("status").getAsString();
    }

    @Test
    void shellRequestsAreAnsweredOneAfterAnotherAndOnlyTheFirstWaitsForIopub() {
        try (WireClient shell = client(properties.getShellPort())) { // no client ever connects to iopub here
            for (int i = 0; i < 20; i++) {
                assertEquals("complete", isComplete(shell, "int x = " + i + ";"));
                assertEquals("incomplete", isComplete(shell, "int x = " + i));
            }
        }
        assertEquals(1, connection.requestsThatWaitedForIopub());
    }

    @Test
    void aRequestSentOnceThePortsAreBoundWaitsInTheQueueAndIsAnsweredOnceConnected() throws Exception {
        KernelConnectionProperties early = freeProperties();
        PromptConnection bound = withHandlers(new PromptConnection(early));
        try (WireClient shell = client(early.getShellPort())) {
            bound.bindPorts();
            bound.bindPorts(); // a second call does nothing
            assertNull(bound.shellThread(), "requests are answered before connect");
            isComplete(shell, "sent early;", false);
            long deadline = System.nanoTime() + DEADLINE_MS * 1_000_000L;
            while (!bound.shellHasWaitingRequest()) { // wait for the state: the request queued on the kernel's side
                assertTrue(System.nanoTime() < deadline, "the request never reached the bound shell socket");
                Thread.onSpinWait();
            }
            assertNull(bound.shellThread(), "requests are answered before connect");
            bound.connect();
            WireClient.Reply reply = shell.receive();
            assertEquals("is_complete_reply", reply.type());
            assertEquals("complete", reply.content().get("status").getAsString());
        } finally {
            bound.close();
        }
    }

    @Test
    void aMessageThatCannotBeReadIsDroppedAndTheNextIsAnswered() {
        try (WireClient shell = client(properties.getShellPort())) {
            shell.sendFrames("is_complete_request", "{\"code\": \"1;\"}", false); // wrong signature
            shell.sendFrames("is_complete_request", "{\"code\": ", true); // content is not JSON
            assertEquals("complete", isComplete(shell, "2;"));
        }
    }

    @Test
    void anIdleShellLoopWaitsInItsPollAndNeverSleeps() {
        try (WireClient shell = client(properties.getShellPort())) {
            isComplete(shell, "1;"); // the loop has run at least once
        }
        Thread loop = connection.shellThread();
        assertNotNull(loop);
        for (int i = 0; i < 500; i++) { // jjava's own loop spends nearly all its idle time in Thread.sleep
            StackTraceElement[] stack = loop.getStackTrace();
            boolean sleeping = Arrays.stream(stack).anyMatch(
                    f -> f.getClassName().equals("java.lang.Thread") && f.getMethodName().startsWith("sleep"));
            assertFalse(sleeping, "the shell loop sleeps between polls: " + Arrays.toString(stack));
            Thread.onSpinWait();
        }
        assertTrue(loop.isAlive());
    }

    @Test
    void iopubSeesAClientConnectAndRepliesPublishTheirStatusOnIt() {
        assertFalse(connection.iopubHasClient(), "a client was seen before any connected");
        try (ZMQ.Socket sub = clientContext.socket(SocketType.SUB);
             WireClient shell = client(properties.getShellPort())) {
            sub.setReceiveTimeOut(100);
            sub.setHandshakeIvl(WireClient.HANDSHAKE_MS);
            sub.subscribe(new byte[0]);
            sub.connect("tcp://127.0.0.1:" + properties.getIopubPort());
            long deadline = System.nanoTime() + DEADLINE_MS * 1_000_000L;
            while (!connection.iopubHasClient()) { // wait for the state: the handshake seen
                assertTrue(System.nanoTime() < deadline, "the iopub handshake was never seen");
                Thread.onSpinWait();
            }
            // publish until one arrives: then the subscription is in place (what is published through getIOPub)
            boolean received = false;
            while (!received) {
                assertTrue(System.nanoTime() < deadline, "nothing published on iopub reached the client");
                connection.getIOPub().sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.IDLE));
                received = drainOne(sub) != null;
            }
            while (drainOne(sub) != null) { } // the extra statuses of that loop
            sub.setReceiveTimeOut(DEADLINE_MS);
            assertEquals("complete", isComplete(shell, "3;"));
            List<String> states = new ArrayList<>();
            while (!states.contains("idle")) { // a request's reply environment publishes on the same iopub
                String[] message = drainOne(sub);
                assertNotNull(message, "no status for the request");
                if (message[0].equals("status")) states.add(message[1]);
            }
            assertEquals(List.of("busy", "idle"), states);
        }
    }

    /** One iopub message's type and, for a status, its state; null if none came within the receive timeout. */
    private static String[] drainOne(ZMQ.Socket sub) {
        List<byte[]> frames = new ArrayList<>();
        do {
            byte[] frame = sub.recv();
            if (frame == null) return null;
            frames.add(frame);
        } while (sub.hasReceiveMore());
        int at = 0;
        while (!new String(frames.get(at), StandardCharsets.UTF_8).equals("<IDS|MSG>")) at++;
        JsonObject header = JsonParser.parseString(new String(frames.get(at + 2), StandardCharsets.UTF_8)).getAsJsonObject();
        JsonObject content = JsonParser.parseString(new String(frames.get(at + 5), StandardCharsets.UTF_8)).getAsJsonObject();
        String type = header.get("msg_type").getAsString();
        return new String[] {type, content.has("execution_state") ? content.get("execution_state").getAsString() : ""};
    }

    @Test
    void heartbeatEchoesEachPing() {
        try (ZMQ.Socket ping = clientContext.socket(SocketType.REQ)) {
            ping.setReceiveTimeOut(DEADLINE_MS);
            ping.setHandshakeIvl(WireClient.HANDSHAKE_MS);
            ping.connect("tcp://127.0.0.1:" + properties.getHbPort());
            for (int i = 0; i < 5; i++) {
                byte[] sent = ("ping " + i).getBytes(StandardCharsets.UTF_8);
                assertTrue(ping.send(sent));
                assertArrayEquals(sent, ping.recv(), "echo " + i);
            }
        }
    }

    @Test
    void aShutdownRequestOnControlEndsEveryLoop() throws Exception {
        Thread shellLoop = connection.shellThread();
        try (WireClient control = client(properties.getControlPort())) {
            JsonObject content = new JsonObject();
            content.addProperty("restart", false);
            control.send("shutdown_request", content);
            assertEquals("shutdown_reply", control.receive().type());
        }
        Thread waiter = Thread.ofPlatform().start(connection::waitUntilClose);
        waiter.join(DEADLINE_MS);
        assertFalse(waiter.isAlive(), "waitUntilClose did not return after the shutdown");
        assertFalse(shellLoop.isAlive(), "the shell loop is still running");
    }

    @Test
    void closeFromAnotherThreadEndsTheLoopsAndMayBeRepeated() throws InterruptedException {
        Thread shellLoop = connection.shellThread();
        connection.close();
        connection.close(); // a second close does nothing
        Thread waiter = Thread.ofPlatform().start(connection::waitUntilClose);
        waiter.join(DEADLINE_MS);
        assertFalse(waiter.isAlive(), "waitUntilClose did not return after close");
        assertFalse(shellLoop.isAlive(), "the shell loop is still running");
    }
}
