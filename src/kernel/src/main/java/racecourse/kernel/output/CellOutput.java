package racecourse.kernel.output;

import java.io.ByteArrayOutputStream;
import racecourse.kernel.execution.CellRun;

/**
 * What one cell printed and has not yet been published, in the order it was printed, across stdout and stderr.
 * Thread-safe: appends come from the cell's threads, drains from the flusher and the kernel.
 */
final class CellOutput {
    private final CellRun run;
    private final long limit;
    private final Object lock = new Object();
    private final java.util.ArrayDeque<Chunk> chunks = new java.util.ArrayDeque<>(); // guarded by lock
    private long accepted; // guarded by lock
    private long dropped; // guarded by lock
    private boolean noticeSent; // guarded by lock
    private long idleSince; // guarded by lock
    private final Object publishLock = new Object();

    private record Chunk(boolean stderr, byte[] bytes) {
    }

    CellOutput(CellRun run, long limit) {
        this.run = run;
        this.limit = limit;
    }

    void append(boolean stderr, byte[] bytes, int offset, int length) {
        synchronized (lock) {
            long room = Math.max(0, limit - accepted);
            int taken = (int) Math.min(room, length);
            if (taken > 0) {
                byte[] copy = new byte[taken];
                System.arraycopy(bytes, offset, copy, 0, taken);
                chunks.add(new Chunk(stderr, copy));
                accepted += taken;
            }
            dropped += length - taken;
            idleSince = 0;
        }
    }

    long idleSince() {
        synchronized (lock) {
            return idleSince;
        }
    }

    /** Publishes pending text, merging consecutive chunks of the same stream into one message. */
    void drain(OutputRouter.Publisher publisher, boolean finalNotice) {
        synchronized (publishLock) {
            while (true) {
                boolean stderr;
                ByteArrayOutputStream batch = new ByteArrayOutputStream();
                synchronized (lock) {
                    if (chunks.isEmpty()) {
                        if (idleSince == 0) idleSince = System.nanoTime();
                        break;
                    }
                    stderr = chunks.peek().stderr();
                    while (!chunks.isEmpty() && chunks.peek().stderr() == stderr) {
                        batch.writeBytes(chunks.poll().bytes());
                    }
                }
                publisher.publish(run, stderr, batch.toString(java.nio.charset.StandardCharsets.UTF_8));
            }
            String notice = null;
            synchronized (lock) {
                if (finalNotice && dropped > 0 && !noticeSent) {
                    noticeSent = true;
                    notice = String.format("%n[racecourse: output capped at %,d bytes; %,d more bytes were dropped."
                            + " Print less, or set RACECOURSE_OUTPUT_LIMIT before starting the kernel.]%n", limit, dropped);
                }
            }
            if (notice != null) publisher.publish(run, true, notice);
        }
    }
}
