package racecourse.process;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Keeps the first {@code cap} bytes written to it and counts the rest, so a child that prints without end cannot
 * exhaust the parent's memory. Thread-safe: every method synchronizes on the buffer.
 */
final class CappedBuffer {
    private final int cap;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream(); // guarded by this
    private long dropped; // guarded by this

    CappedBuffer(int cap) {
        if (cap < 0) throw new IllegalArgumentException("an output cap cannot be negative: " + cap);
        this.cap = cap;
    }

    synchronized void write(byte[] bytes, int offset, int length) {
        int room = Math.max(0, cap - kept.size());
        int take = Math.min(room, length);
        kept.write(bytes, offset, take);
        dropped += length - take;
    }

    synchronized long dropped() {
        return dropped;
    }

    /** The bytes kept as UTF-8 text, with a closing note when some were dropped. */
    synchronized String text() {
        String text = kept.toString(StandardCharsets.UTF_8);
        if (dropped == 0) return text;
        return text + (text.endsWith("\n") || text.isEmpty() ? "" : "\n")
                + "[output capped at " + cap + " bytes; " + dropped + " more bytes were not kept]\n";
    }
}
