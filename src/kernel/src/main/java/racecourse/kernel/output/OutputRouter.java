package racecourse.kernel.output;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import racecourse.kernel.execution.CellRun;

/**
 * Replaces {@code System.out} and {@code System.err} for the kernel's whole life and sends what any thread prints
 * to the cell that thread belongs to (see {@link CellRun#CURRENT}), whether or not that cell is still executing.
 * Output is batched: a flusher publishes every few milliseconds, and {@link #flush(CellRun)} publishes at once.
 * What the kernel's own threads print goes to the kernel's log. Each cell may print at most {@code limit}
 * bytes; the rest is counted and reported in one notice. Thread-safe.
 */
public final class OutputRouter implements AutoCloseable {
    /** Receives batched text for a cell. */
    public interface Publisher {
        void publish(CellRun run, boolean stderr, String text);
    }

    private final Publisher publisher;
    private final PrintStream log;
    private final long limit;
    private final Map<CellRun, CellOutput> outputs = new ConcurrentHashMap<>();
    private final Thread flusher;
    private volatile boolean closed;

    /**
     * @param publisher where each cell's text goes
     * @param log where the kernel's own output goes (the JVM's original standard error)
     * @param limit the most bytes one cell may print
     */
    public OutputRouter(Publisher publisher, PrintStream log, long limit) {
        this.publisher = publisher;
        this.log = log;
        this.limit = limit;
        this.flusher = Thread.ofPlatform().daemon().name("racecourse-output").unstarted(this::flushLoop);
    }

    /** Installs the routing streams as {@code System.out}/{@code System.err} and starts the flusher. */
    public void install() {
        System.setOut(new PrintStream(new Routing(false), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Routing(true), true, StandardCharsets.UTF_8));
        flusher.start();
    }

    /** Publishes everything the cell printed so far, in order. */
    public void flush(CellRun run) {
        CellOutput out = outputs.get(run);
        if (out != null) out.drain(publisher, false);
    }

    /** Publishes the cell's remaining output and, if it printed past the limit, the notice saying how much was dropped. */
    public void finish(CellRun run) {
        CellOutput out = outputs.get(run);
        if (out != null) out.drain(publisher, true);
    }

    private void flushLoop() {
        while (!closed) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
            for (Map.Entry<CellRun, CellOutput> e : outputs.entrySet()) {
                try {
                    e.getValue().drain(publisher, false);
                } catch (RuntimeException failure) {
                    log.println("racecourse: could not publish output: " + failure);
                }
                long idle = e.getValue().idleSince();
                if (idle > 0 && System.nanoTime() - idle > 60_000_000_000L && e.getKey().liveThreads().isEmpty()) {
                    outputs.remove(e.getKey(), e.getValue());
                }
            }
        }
    }

    @Override
    public void close() {
        for (CellRun run : outputs.keySet()) finish(run);
        closed = true;
        flusher.interrupt();
    }

    private final class Routing extends OutputStream {
        private final boolean stderr;

        Routing(boolean stderr) {
            this.stderr = stderr;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            CellRun run = CellRun.current();
            if (run == null) {
                log.write(bytes, offset, length);
                return;
            }
            outputs.computeIfAbsent(run, r -> new CellOutput(r, limit)).append(stderr, bytes, offset, length);
        }
    }
}
