package racecourse.grader.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Where the submission's {@code System.out} and {@code System.err} go in the child JVM: a buffer that keeps the first
 * {@code cap} bytes written during the current test and counts the rest, so flooding output costs nothing but CPU.
 *
 * <p>Thread-safe: every method holds the capture's lock.
 */
public final class Capture extends OutputStream {
    private final int cap;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream(); // guarded by this
    private long dropped; // guarded by this

    /** A capture keeping at most {@code cap} bytes per test. */
    public Capture(int cap) {
        this.cap = cap;
    }

    /** A print stream over this capture. */
    public PrintStream stream() {
        return new PrintStream(this, true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        if (kept.size() < cap) {
            kept.write(b);
        } else {
            dropped++;
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        int room = Math.max(0, cap - kept.size());
        int n = Math.min(room, len);
        kept.write(b, off, n);
        dropped += len - n;
    }

    /** Returns what was kept since the last call, with a note of what was dropped, and starts afresh. */
    public synchronized String take() {
        String text = kept.toString(StandardCharsets.UTF_8);
        if (dropped > 0) {
            text += "\n[" + dropped + " more bytes of output were dropped: the limit is " + cap + " bytes per test]";
        }
        kept.reset();
        dropped = 0;
        return text;
    }
}
