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
    /** After this many timed-out tests the run stops; the rest count as not run. */
    static final int MAX_TIMEOUTS = 2;

    private Harness() {
    }

    /** Runs one job read from standard input. */
    public static void main(String[] args) throws Exception {
        PrintStream real = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        Job job = Job.read(new DataInputStream(new BufferedInputStream(System.in)));
        System.setIn(new ByteArrayInputStream(new byte[0]));
        Channel channel = new Channel(real, job.nonce());
        if (!job.sources().isEmpty()) {
            compile(job, channel);
            real.flush();
            System.exit(0);
        }
        Capture capture = new Capture(job.outputCap());
        PrintStream captured = capture.stream();
        System.setOut(captured);
        System.setErr(captured);
        List<String> junit = job.selected().stream().filter(e -> !e.startsWith(ExploreStep.PREFIX)).toList();
        if (junit.isEmpty() && ExploreStep.wants(job)) {
            startWatchdog(channel, job.maxThreads() + 64);
            ExploreStep.run(job, channel, capture);
            channel.send(Map.of("event", "done"));
            real.flush();
            Runtime.getRuntime().halt(0);
        }
        // The limit is enforced inside the rewritten thread-starting calls, where no submission code can reach it.
        Denied.limitThreads(job.maxThreads(), () -> {
            channel.send(Map.of("event", "abort", "reason", "the submission started more than "
                    + job.maxThreads() + " threads at once; the run was stopped"));
            Runtime.getRuntime().halt(3);
        });
        // A second line for threads the JDK starts on the submission's behalf (thread pools it configures itself).
        startWatchdog(channel, job.maxThreads() + 64);

        ClassLoader app = Harness.class.getClassLoader();
        ByteClassLoader submission = new ByteClassLoader("submission", job.submission(),
                ClassLoader.getPlatformClassLoader(),
                Set.of(Denied.class.getName(), LockOrder.class.getName(), "racecourse.race."));
        ByteClassLoader tests = new ByteClassLoader("tests", job.tests(), app, Set.of(),
                Harness.class.getProtectionDomain());
        Submission.clear();
        for (Map.Entry<String, String> e : job.register().entrySet()) {
            try {
                Submission.register(e.getKey(), Class.forName(e.getValue(), false, submission));
            } catch (ClassNotFoundException | LinkageError ex) {
                // Not registered: the tests fail with "no class named ..." and the feedback says so.
            }
        }
        List<org.junit.platform.engine.DiscoverySelector> selected = new ArrayList<>();
        for (String name : junit) {
            int hash = name.indexOf('#');
            Class<?> c = Class.forName(hash < 0 ? name : name.substring(0, hash), false, tests);
            selected.add(hash < 0 ? DiscoverySelectors.selectClass(c)
                    : DiscoverySelectors.selectMethod(c, name.substring(hash + 1)));
        }
        Thread.currentThread().setContextClassLoader(tests);
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selected)
                .configurationParameter("junit.jupiter.execution.timeout.default", job.testTimeoutMs() + " ms")
                .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                .build();
        Launcher launcher = LauncherFactory.create();
        try {
            if (!selected.isEmpty()) {
                // When the tests are stopped early (too many timeouts), the explored checks still run first.
                Runnable explored = () -> {
                    if (ExploreStep.wants(job)) {
                        ExploreStep.run(job, channel, capture);
                    }
                };
                launcher.execute(request, new Reporter(channel, capture, job.submission().keySet(), explored));
            }
            if (ExploreStep.wants(job)) {
                // The explored checks share this JVM with the tests (one JVM start fewer per grading); the explorer
                // reloads the learner's classes afresh, so nothing the tests left in static state carries over.
                ExploreStep.run(job, channel, capture);
            }
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

    /** Compiles the job's sources (no submission code runs) and sends back the errors or the class files. */
    private static void compile(Job job, Channel channel) {
        racecourse.grader.step.CompileJava.Output out = racecourse.grader.step.CompileJava.compile(job.sources(), "");
        for (String e : out.errors()) {
            channel.send(Map.of("event", "error", "message", e));
        }
        out.classes().forEach((name, bytes) -> channel.send(Map.of("event", "class", "name", name,
                "bytes", java.util.Base64.getEncoder().encodeToString(bytes))));
        channel.send(Map.of("event", "done"));
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
                    // Nobody may stop the watchdog: keep watching.
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
        private final Runnable beforeStop;
        private final java.util.concurrent.atomic.AtomicInteger timeouts =
                new java.util.concurrent.atomic.AtomicInteger();

        Reporter(Channel channel, Capture capture, Set<String> submissionClasses, Runnable beforeStop) {
            this.beforeStop = beforeStop;
            this.channel = channel;
            this.capture = capture;
            this.submissionClasses = submissionClasses;
        }

        @Override
        public void executionStarted(TestIdentifier id) {
            if (id.isTest()) {
                capture.take();
                LockOrder.takeCycles();
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
                if (result.getThrowable().filter(t -> t instanceof TimeoutException).isPresent()
                        && timeouts.incrementAndGet() >= MAX_TIMEOUTS) {
                    // Threads stuck in the learner's code keep running; stop before they slow the other tests,
                    // so a hanging submission frees its worker quickly and the outcome does not depend on timing.
                    channel.send(Map.of("event", "abort", "reason", MAX_TIMEOUTS + " tests did not finish in time "
                            + "(see their messages), so the run was stopped"));
                    try {
                        beforeStop.run();
                    } finally {
                        System.out.flush();
                        Runtime.getRuntime().halt(4);
                    }
                }
            }
        }

        private void end(TestIdentifier id, String status, String message) {
            List<String> cycles = LockOrder.takeCycles();
            if (!cycles.isEmpty()) {
                // A lock-order cycle fails the test whatever the schedule did: it can deadlock on another run.
                message = (message.isEmpty() ? "" : message + "\n") + "Your code has " + String.join("\n", cycles);
                status = "failed";
            }
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
                    out.append("\n    at ").append(e.getClassName()).append('.').append(e.getMethodName())
                            .append('(').append(e.getFileName()).append(':').append(e.getLineNumber()).append(')');
                    if (++shown == 5) {
                        break;
                    }
                }
            }
        }

        /**
         * The threads that are running the learner's code: deadlocked ones first, then every other one, each with
         * its state, the lock it waits for, and its frames in the learner's code (the rest of the stack, the test
         * framework and the JDK, is left out). Sorted by name, so the same hang reads the same on every run. A
         * hang is a settled state, but a dump can catch a thread in passing (starting, or between two locks): the
         * picture is taken until two in a row agree, and a thread that is still running is shown by its methods
         * without line numbers, so a spinning loop reads the same wherever the dump finds it.
         */
        private String threadsInSubmission() {
            String previous = null;
            for (int attempt = 0; attempt < 40; attempt++) {
                String now = threadPicture();
                if (now.equals(previous)) {
                    return now;
                }
                previous = now;
                java.util.concurrent.locks.LockSupport.parkNanos(25_000_000L);
            }
            return previous;
        }

        private String threadPicture() {
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            StringBuilder out = new StringBuilder();
            long[] dead = mx.findDeadlockedThreads();
            java.util.Set<Long> deadIds = new java.util.HashSet<>();
            if (dead != null) {
                out.append("Deadlocked threads:\n");
                for (ThreadInfo info : sorted(mx.getThreadInfo(dead, true, true))) {
                    deadIds.add(info.getThreadId());
                    out.append(thread(info));
                }
            }
            StringBuilder busy = new StringBuilder();
            for (ThreadInfo info : sorted(mx.dumpAllThreads(true, true))) {
                if (!deadIds.contains(info.getThreadId()) && java.util.Arrays.stream(info.getStackTrace())
                        .anyMatch(e -> submissionClasses.contains(e.getClassName()))) {
                    busy.append(thread(info));
                }
            }
            if (!busy.isEmpty()) {
                out.append("Threads running your code:\n").append(busy);
            }
            return out.toString();
        }

        private static List<ThreadInfo> sorted(ThreadInfo[] infos) {
            return java.util.Arrays.stream(infos).filter(java.util.Objects::nonNull)
                    .sorted(java.util.Comparator.comparing(ThreadInfo::getThreadName)).toList();
        }

        private String thread(ThreadInfo info) {
            StringBuilder out = new StringBuilder("  \"").append(info.getThreadName()).append("\" ")
                    .append(info.getThreadState());
            if (info.getLockInfo() != null) {
                out.append(" waiting for a ").append(info.getLockInfo().getClassName());
                if (info.getLockOwnerName() != null) {
                    out.append(" held by \"").append(info.getLockOwnerName()).append('"');
                }
            }
            out.append('\n');
            int shown = 0;
            for (StackTraceElement e : info.getStackTrace()) {
                if (submissionClasses.contains(e.getClassName())) {
                    out.append("      at ").append(e.getClassName()).append('.').append(e.getMethodName());
                    if (info.getThreadState() == Thread.State.RUNNABLE) {
                        out.append("(").append(e.getFileName()).append(")\n");
                    } else {
                        out.append('(').append(e.getFileName()).append(':').append(e.getLineNumber()).append(")\n");
                    }
                    if (++shown == 5) {
                        break;
                    }
                }
            }
            return out.toString();
        }
    }
}
