package racecourse.grader.sandbox;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import racecourse.grader.api.Concurrently;
import racecourse.grader.api.Submission;

/**
 * The main class of the child JVM that runs a submission's tests.
 *
 * <p>Before any submission code loads, it reads the {@link Job} from standard input, keeps the real standard output
 * for itself as the report {@link Channel}, and points {@code System.out}/{@code System.err} at a {@link Capture}.
 * It then runs the selected JUnit classes and reports each test's start and end. A watchdog stops the JVM when the
 * submission starts too many threads. Whatever the submission does, the grader only trusts reports signed with the
 * nonce, and counts a test without a report as failed.
 */
public final class Harness {
    private Harness() {
    }

    /** Runs one job read from standard input. */
    public static void main(String[] args) throws Exception {
        PrintStream real = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        Job job = Job.read(new DataInputStream(new BufferedInputStream(System.in)));
        System.setIn(new ByteArrayInputStream(new byte[0]));
        Channel channel = new Channel(real, job.nonce());
        Capture capture = new Capture(job.outputCap());
        PrintStream captured = capture.stream();
        System.setOut(captured);
        System.setErr(captured);
        startWatchdog(channel, job.maxThreads());

        ClassLoader app = Harness.class.getClassLoader();
        ByteClassLoader submission = new ByteClassLoader("submission", job.submission(),
                ClassLoader.getPlatformClassLoader(), Set.of(Denied.class.getName(), "racecourse.race."));
        ByteClassLoader tests = new ByteClassLoader("tests", job.tests(), app, Set.of());
        Submission.clear();
        for (Map.Entry<String, String> e : job.register().entrySet()) {
            try {
                Submission.register(e.getKey(), Class.forName(e.getValue(), false, submission));
            } catch (ClassNotFoundException | LinkageError ex) {
                // Not registered: the tests fail with "no class named ..." and the feedback says so.
            }
        }
        List<Class<?>> selected = new ArrayList<>();
        for (String name : job.selected()) {
            selected.add(Class.forName(name, false, tests));
        }
        Thread.currentThread().setContextClassLoader(tests);
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selected.stream().map(DiscoverySelectors::selectClass).toList())
                .configurationParameter("junit.jupiter.execution.timeout.default", job.testTimeoutMs() + " ms")
                .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                .build();
        Launcher launcher = LauncherFactory.create();
        try {
            launcher.execute(request, new Reporter(channel, capture, job.submission().keySet()));
            channel.send(Map.of("event", "done"));
        } catch (Throwable t) {
            channel.send(Map.of("event", "abort", "reason", "the test run stopped: " + t));
        }
        real.flush();
        // Exit normally so java agents (the race detector) finish their reports; threads the submission left
        // behind cannot delay it, and it may not register shutdown hooks. Halt if exiting takes too long.
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                // halt now
            }
            Runtime.getRuntime().halt(0);
        }, "grader-halt");
        halt.setDaemon(true);
        halt.start();
        System.exit(0);
    }

    private static void startWatchdog(Channel channel, int maxThreads) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Thread watchdog = new Thread(() -> {
            while (true) {
                int n = mx.getThreadCount();
                if (n > maxThreads) {
                    channel.send(Map.of("event", "abort", "reason", "the submission started more than "
                            + maxThreads + " threads at once (" + n + " were alive); the run was stopped"));
                    Runtime.getRuntime().halt(3);
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "grader-watchdog");
        watchdog.setDaemon(true);
        watchdog.setPriority(Thread.MAX_PRIORITY);
        watchdog.start();
    }

    /** Reports test starts and ends on the channel. Thread-safe (JUnit calls it from several threads on timeouts). */
    private static final class Reporter implements TestExecutionListener {
        private final Channel channel;
        private final Capture capture;
        private final Set<String> submissionClasses;

        Reporter(Channel channel, Capture capture, Set<String> submissionClasses) {
            this.channel = channel;
            this.capture = capture;
            this.submissionClasses = submissionClasses;
        }

        @Override
        public void executionStarted(TestIdentifier id) {
            if (id.isTest()) {
                capture.take();
                channel.send(Map.of("event", "start", "id", id.getUniqueId()));
            }
        }

        @Override
        public void executionSkipped(TestIdentifier id, String reason) {
            if (id.isTest()) {
                end(id, "failed", "not run: " + reason);
            }
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (!id.isTest()) {
                if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    // A failing class-level hook: JUnit reports it on the container; its tests were not run.
                    channel.send(Map.of("event", "container", "id", id.getUniqueId(),
                            "message", result.getThrowable().map(this::describe).orElse("failed")));
                }
                return;
            }
            if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                end(id, "passed", "");
            } else {
                end(id, "failed", result.getThrowable().map(this::describe).orElse("failed"));
            }
        }

        private void end(TestIdentifier id, String status, String message) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("event", "end");
            report.put("id", id.getUniqueId());
            report.put("status", status);
            report.put("message", message);
            report.put("output", capture.take());
            channel.send(report);
        }

        private String describe(Throwable t) {
            StringBuilder out = new StringBuilder();
            if (t instanceof AssertionError && t.getMessage() != null) {
                out.append(t.getMessage());
            } else {
                out.append(t);
                appendFrames(out, t);
            }
            Throwable cause = t.getCause();
            if (cause != null && cause != t && !(t.getMessage() != null && t.getMessage().contains(cause.toString()))) {
                out.append("\ncaused by ").append(cause);
                appendFrames(out, cause);
            }
            if (t instanceof TimeoutException || String.valueOf(t.getMessage()).contains("timed out")) {
                out.append('\n').append(threadsInSubmission());
            }
            return out.toString();
        }

        private void appendFrames(StringBuilder out, Throwable t) {
            int shown = 0;
            for (StackTraceElement e : t.getStackTrace()) {
                if (submissionClasses.contains(e.getClassName())) {
                    out.append("\n    at ").append(e);
                    if (++shown == 5) {
                        break;
                    }
                }
            }
        }

        private String threadsInSubmission() {
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            StringBuilder out = new StringBuilder();
            long[] dead = mx.findDeadlockedThreads();
            if (dead != null) {
                out.append("Deadlocked threads:\n");
                for (ThreadInfo info : mx.getThreadInfo(dead, true, true)) {
                    out.append(Concurrently.describe(info));
                }
            }
            StringBuilder busy = new StringBuilder();
            for (ThreadInfo info : mx.dumpAllThreads(true, true)) {
                for (StackTraceElement e : info.getStackTrace()) {
                    if (submissionClasses.contains(e.getClassName())) {
                        busy.append(Concurrently.describe(info));
                        break;
                    }
                }
            }
            if (!busy.isEmpty()) {
                out.append("Threads running your code:\n").append(busy);
            }
            return out.toString();
        }
    }
}
