package racecourse.kernel.trace;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * With {@code RACECOURSE_TRACE_STARTUP} set, logs to the kernel's log when each step of start-up and of the first
 * cells finished: milliseconds since the JVM started, processor time used so far, and the wall clock (to line up
 * with the time the kernel was launched). Unset, it does nothing. Thread-safe.
 */
public final class StartupTrace {
    private static final boolean ON = System.getenv("RACECOURSE_TRACE_STARTUP") != null;
    private static final PrintStream LOG = System.err; // the kernel's log, taken before cells' output is routed

    private StartupTrace() {
    }

    /** Logs that {@code step} has just finished, when tracing is on. */
    public static void mark(String step) {
        if (!ON) return;
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        long cpu = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
        LOG.println("racecourse start-up: " + step + " after " + uptime + " ms (cpu " + cpu + " ms, clock "
                + System.currentTimeMillis() + ")");
    }
}
