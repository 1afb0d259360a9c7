package racecourse.grader.sandbox;

import java.io.PrintStream;
import java.util.Map;

/**
 * The child JVM's report channel: the real standard output, taken by the harness before submission code loads (the
 * submission's {@code System.out} is redirected to a capture buffer). Each report is one line, the run's nonce, a
 * space and a JSON object; the grader ignores every line without the nonce.
 *
 * <p>Thread-safe: reports are written whole under the channel's lock.
 */
public final class Channel {
    private final Object lock = new Object();
    private final PrintStream out; // guarded by lock
    private final String nonce;

    /** A channel writing to {@code out}, signing every line with {@code nonce}. */
    public Channel(PrintStream out, String nonce) {
        this.out = out;
        this.nonce = nonce;
    }

    /** Sends one report. */
    public void send(Map<String, ?> report) {
        String line = nonce + " " + ReportJson.write(report) + "\n";
        synchronized (lock) {
            out.print(line);
            out.flush();
        }
    }
}
