package racecourse.kernel.channels;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * A Jupyter client's end of one shell or control channel, speaking the wire protocol itself (signed frames, as
 * jupyter_client sends them). The kernel's training session ({@code Main --train}) talks to a real connection
 * through it, and tests check the kernel's side against the format rather than against its own library. Not
 * thread-safe.
 */
public final class WireClient implements AutoCloseable {
    private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);

    /**
     * How long a connection's handshake may take before the socket drops it and connects again. Now and then
     * jeromq's client misses the moment its connection is made and never starts the handshake (the peer's
     * greeting waits unread); its default of 30 s then held a first request that long.
     */
    static final int HANDSHAKE_MS = 1_000;

    private final ZMQ.Socket socket;
    private final String key;
    private final String session = UUID.randomUUID().toString();

    /** Connects to {@code port} on this machine; {@code key} signs and checks messages. */
    public WireClient(ZMQ.Context context, int port, String key, int receiveTimeoutMs) {
        this.socket = context.socket(SocketType.DEALER);
        this.key = key;
        socket.setReceiveTimeOut(receiveTimeoutMs);
        socket.setHandshakeIvl(HANDSHAKE_MS);
        socket.connect("tcp://127.0.0.1:" + port);
    }

    /** Sends a request of type {@code type} with {@code content}, correctly signed. */
    public void send(String type, JsonObject content) {
        sendFrames(type, content.toString(), true);
    }

    /** Sends raw frames after the delimiter: a signature (right or wrong), then the four JSON parts. */
    public void sendFrames(String type, String content, boolean rightSignature) {
        JsonObject header = new JsonObject();
        header.addProperty("msg_id", UUID.randomUUID().toString());
        header.addProperty("session", session);
        header.addProperty("username", "test");
        header.addProperty("date", Instant.now().toString());
        header.addProperty("msg_type", type);
        header.addProperty("version", "5.3");
        String[] parts = {header.toString(), "{}", "{}", content};
        String signature = rightSignature ? sign(parts) : "0".repeat(64);
        socket.sendMore(DELIMITER);
        socket.sendMore(signature);
        for (int i = 0; i < parts.length; i++) {
            if (i < parts.length - 1) socket.sendMore(parts[i]);
            else socket.send(parts[i]);
        }
    }

    private String sign(String... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            for (String part : parts) mac.update(part.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads one reply: its header's type and its content. Throws if none comes within the receive timeout, or if
     * its signature is wrong.
     */
    public Reply receive() {
        List<byte[]> frames = new ArrayList<>();
        do {
            byte[] frame = socket.recv();
            if (frame == null) throw new IllegalStateException("no reply within the receive timeout");
            frames.add(frame);
        } while (socket.hasReceiveMore());
        int at = 0;
        while (at < frames.size() && !java.util.Arrays.equals(frames.get(at), DELIMITER)) at++;
        if (frames.size() < at + 6) throw new IllegalStateException("a reply of " + frames.size() + " frames");
        String header = new String(frames.get(at + 2), StandardCharsets.UTF_8);
        String content = new String(frames.get(at + 5), StandardCharsets.UTF_8);
        String expected = sign(header, new String(frames.get(at + 3), StandardCharsets.UTF_8),
                new String(frames.get(at + 4), StandardCharsets.UTF_8), content);
        if (!expected.equals(new String(frames.get(at + 1), StandardCharsets.UTF_8))) {
            throw new IllegalStateException("the reply's signature is wrong");
        }
        return new Reply(JsonParser.parseString(header).getAsJsonObject().get("msg_type").getAsString(),
                JsonParser.parseString(content).getAsJsonObject());
    }

    /** A reply's type and content. */
    public record Reply(String type, JsonObject content) {
    }

    @Override
    public void close() {
        socket.close();
    }
}
