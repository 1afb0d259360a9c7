package racecourse.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The one way the course starts a child process: with an optional timeout after which the whole process tree is
 * killed, standard output and error captured up to a cap (so memory stays bounded), optional standard input, and
 * clear {@link ProcessException}s. Configure it, then call {@link #run()}; each call starts a new process.
 *
 * <pre>{@code
 * ProcessResult r = ProcessRunner.of("python3", "probe.py").timeout(Duration.ofSeconds(60)).run().orThrow();
 * }</pre>
 *
 * <p>Not thread-safe while being configured; {@link #run()} may be called from one thread at a time.
 */
public final class ProcessRunner {
    /** Bytes of each output stream kept unless {@link #outputCap} says otherwise: 1 MiB. */
    public static final int DEFAULT_OUTPUT_CAP = 1 << 20;
    /** Longest line handed to a line listener; the rest of a longer line is dropped. */
    public static final int LINE_CAP = 1 << 20;
    private static final Duration DRAIN_WAIT = Duration.ofSeconds(5);
    /** How often a {@link #stopWhen} condition is asked while the child runs. */
    static final Duration STOP_POLL = Duration.ofMillis(50);

    /** Writes a child's standard input; the stream is closed afterwards. */
    @FunctionalInterface
    public interface InputWriter {
        /** Writes what the child should read. */
        void write(OutputStream in) throws IOException;
    }

    private final List<String> command;
    private Path directory;
    private final Map<String, String> extraEnvironment = new LinkedHashMap<>();
    private Set<String> keptEnvironment;
    private InputWriter input;
    private boolean inheritInput;
    private Duration timeout;
    private int stdoutCap = DEFAULT_OUTPUT_CAP;
    private int stderrCap = DEFAULT_OUTPUT_CAP;
    private boolean mergeStderr;
    private boolean inheritOutput;
    private OutputStream forwardOut;
    private OutputStream forwardErr;
    private Consumer<String> stdoutLines;
    private Consumer<String> stderrLines;
    private Consumer<ProcessHandle> beforeKill;
    private boolean killOnExit;
    private BooleanSupplier stopWhen;

    private ProcessRunner(List<String> command) {
        if (command.isEmpty()) throw new IllegalArgumentException("a command needs at least a program name");
        this.command = List.copyOf(command);
    }

    /** A runner for {@code command} (program, then its arguments). */
    public static ProcessRunner of(List<String> command) {
        return new ProcessRunner(command);
    }

    /** A runner for {@code command} (program, then its arguments). */
    public static ProcessRunner of(String... command) {
        return new ProcessRunner(List.of(command));
    }

    /** The command this runner starts. */
    public List<String> command() {
        return command;
    }

    /** Runs the child in {@code dir} (default: this process's working folder). */
    public ProcessRunner directory(Path dir) {
        this.directory = dir;
        return this;
    }

    /** Sets one environment variable for the child. */
    public ProcessRunner environment(String name, String value) {
        extraEnvironment.put(name, value);
        return this;
    }

    /** Passes only these inherited environment variables to the child (plus those set with {@link #environment}). */
    public ProcessRunner keepOnlyEnvironment(Collection<String> names) {
        this.keptEnvironment = new LinkedHashSet<>(names);
        return this;
    }

    /** Gives the child these bytes on standard input (default: an empty, closed standard input). */
    public ProcessRunner stdin(byte[] bytes) {
        byte[] copy = bytes.clone();
        return stdin(out -> out.write(copy));
    }

    /** Lets {@code writer} write the child's standard input, on a thread of its own. */
    public ProcessRunner stdin(InputWriter writer) {
        this.input = writer;
        this.inheritInput = false;
        return this;
    }

    /** Connects the child's standard input to this process's (for interactive programs). */
    public ProcessRunner inheritStdin() {
        this.inheritInput = true;
        this.input = null;
        return this;
    }

    /** Kills the child and its descendants if it has not ended after {@code limit} (default: no limit). */
    public ProcessRunner timeout(Duration limit) {
        if (limit != null && (limit.isNegative() || limit.isZero())) {
            throw new IllegalArgumentException("a timeout must be positive, got " + limit);
        }
        this.timeout = limit;
        return this;
    }

    /** Keeps at most {@code bytes} of standard output and of standard error each (default 1 MiB). */
    public ProcessRunner outputCap(int bytes) {
        return outputCap(bytes, bytes);
    }

    /** Keeps at most {@code stdoutBytes} of standard output and {@code stderrBytes} of standard error. */
    public ProcessRunner outputCap(int stdoutBytes, int stderrBytes) {
        if (stdoutBytes < 0 || stderrBytes < 0) throw new IllegalArgumentException("output caps cannot be negative");
        this.stdoutCap = stdoutBytes;
        this.stderrCap = stderrBytes;
        return this;
    }

    /** Sends standard error into standard output, interleaved as the child wrote them. */
    public ProcessRunner mergeStderr() {
        this.mergeStderr = true;
        return this;
    }

    /** Lets the child write straight to this process's standard output and error (nothing is captured). */
    public ProcessRunner inheritOutput() {
        this.inheritOutput = true;
        return this;
    }

    /** Copies the child's output to these streams as it arrives (as well as capturing it). */
    public ProcessRunner forwardOutput(OutputStream out, OutputStream err) {
        this.forwardOut = out;
        this.forwardErr = err;
        return this;
    }

    /** Hands every line of standard output (without its line end) to {@code listener} as it arrives. */
    public ProcessRunner onStdoutLine(Consumer<String> listener) {
        this.stdoutLines = listener;
        return this;
    }

    /** Hands every line of standard error (without its line end) to {@code listener} as it arrives. */
    public ProcessRunner onStderrLine(Consumer<String> listener) {
        this.stderrLines = listener;
        return this;
    }

    /** Calls {@code hook} with the child just before a timeout kills it (for example to take a thread dump). */
    public ProcessRunner beforeKill(Consumer<ProcessHandle> hook) {
        this.beforeKill = hook;
        return this;
    }

    /**
     * Cancellation: asks {@code stop} every 50 ms while the child runs and, once it answers true, kills the child's
     * process tree (as a timeout would, without calling {@link #beforeKill}) and returns. The result then has the
     * killed child's exit status, is not {@code timedOut}, and its standard error ends with a line saying it was
     * stopped. For a caller whose own stop flag (a notebook's interrupt button) must end the child.
     */
    public ProcessRunner stopWhen(BooleanSupplier stop) {
        this.stopWhen = stop;
        return this;
    }

    /** Kills the child's process tree if this JVM shuts down (for example on SIGTERM) while the child runs. */
    public ProcessRunner killOnExit() {
        this.killOnExit = true;
        return this;
    }

    /**
     * Starts the child, feeds its input, waits for it to end or for the timeout, and returns what it did.
     *
     * @throws ProcessException if it cannot be started, or this thread is interrupted while waiting (the child is
     *     then killed and the interrupt status kept)
     */
    public ProcessResult run() {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (directory != null) builder.directory(directory.toFile());
        if (keptEnvironment != null) builder.environment().keySet().retainAll(keptEnvironment);
        builder.environment().putAll(extraEnvironment);
        if (inheritInput) builder.redirectInput(ProcessBuilder.Redirect.INHERIT);
        if (inheritOutput) {
            builder.redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT);
        } else if (mergeStderr) {
            builder.redirectErrorStream(true);
        }
        long start = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException | RuntimeException e) {
            throw new ProcessException("could not start '" + String.join(" ", command) + "': " + e.getMessage(), e);
        }
        Thread hook = killOnExit ? new Thread(() -> ProcessTrees.kill(process)) : null;
        if (hook != null) Runtime.getRuntime().addShutdownHook(hook);
        try {
            return await(process, start);
        } finally {
            if (hook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // The JVM is shutting down and the hook is running.
                }
            }
        }
    }

    private ProcessResult await(Process process, long start) {
        CappedBuffer out = new CappedBuffer(stdoutCap);
        CappedBuffer err = new CappedBuffer(stderrCap);
        List<Thread> pumps = new ArrayList<>();
        AtomicReference<RuntimeException> listenerFailure = new AtomicReference<>();
        if (!inheritOutput) {
            pumps.add(pump("child-stdout", process.getInputStream(), out, forwardOut, stdoutLines, listenerFailure));
            if (!mergeStderr) {
                pumps.add(pump("child-stderr", process.getErrorStream(), err, forwardErr, stderrLines,
                        listenerFailure));
            }
        }
        if (!inheritInput) feed(process);
        boolean finished;
        boolean stopped = false;
        try {
            if (stopWhen != null) {
                int how = waitOrStop(process, start);
                finished = how == ENDED;
                stopped = how == STOPPED;
            } else {
                finished = timeout == null ? waitForever(process)
                        : process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            ProcessTrees.kill(process);
            Thread.currentThread().interrupt();
            throw new ProcessException("interrupted while waiting for '" + String.join(" ", command) + "'", e);
        }
        if (stopped) {
            ProcessTrees.kill(process);
            return stoppedResult(process, start, out, err, pumps, listenerFailure);
        }
        if (!finished) {
            if (beforeKill != null) beforeKill.accept(process.toHandle());
            ProcessTrees.kill(process);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        joinPumps(pumps);
        rethrow(listenerFailure.get());
        String errText = err.text();
        if (!finished) {
            errText += (errText.isEmpty() || errText.endsWith("\n") ? "" : "\n")
                    + "(killed after " + timeout.toMillis() + " ms)\n";
        }
        return new ProcessResult(command, finished ? process.exitValue() : -1, !finished, out.text(), errText,
                out.dropped(), err.dropped(), elapsed);
    }

    /** Throws what a line listener threw, if it did, once the output pumps have ended. */
    private void rethrow(RuntimeException listenerFailure) {
        if (listenerFailure != null) {
            throw new ProcessException("a line listener of '" + String.join(" ", command) + "' failed: "
                    + listenerFailure.getMessage(), listenerFailure);
        }
    }

    private static final int ENDED = 0;
    private static final int TIMED_OUT = 1;
    private static final int STOPPED = 2;

    /** Waits for the child, the timeout or the stop condition; returns which came first. */
    private int waitOrStop(Process process, long start) throws InterruptedException {
        long slice = STOP_POLL.toNanos();
        while (true) {
            long wait = slice;
            if (timeout != null) {
                long left = timeout.toNanos() - (System.nanoTime() - start);
                if (left <= 0) return TIMED_OUT;
                wait = Math.min(wait, left);
            }
            if (process.waitFor(wait, TimeUnit.NANOSECONDS)) return ENDED;
            if (stopWhen.getAsBoolean()) return STOPPED;
        }
    }

    private ProcessResult stoppedResult(Process process, long start, CappedBuffer out, CappedBuffer err,
            List<Thread> pumps, AtomicReference<RuntimeException> listenerFailure) {
        int status;
        try {
            status = process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        joinPumps(pumps);
        rethrow(listenerFailure.get());
        String errText = err.text();
        errText += (errText.isEmpty() || errText.endsWith("\n") ? "" : "\n")
                + "(stopped on request after " + elapsed.toMillis() + " ms)\n";
        return new ProcessResult(command, status, false, out.text(), errText, out.dropped(), err.dropped(), elapsed);
    }

    private static boolean waitForever(Process process) throws InterruptedException {
        process.waitFor();
        return true;
    }

    private void feed(Process process) {
        OutputStream stdin = process.getOutputStream();
        if (input == null) {
            try {
                stdin.close();
            } catch (IOException e) {
                // The child has already gone; its exit status says why.
            }
            return;
        }
        InputWriter writer = input;
        Thread.ofPlatform().daemon().name("child-stdin").start(() -> {
            try (stdin) {
                writer.write(stdin);
            } catch (IOException e) {
                // The child stopped reading (it ended or crashed); its exit status and error output say why.
            }
        });
    }

    private static void joinPumps(List<Thread> pumps) {
        long deadline = System.nanoTime() + DRAIN_WAIT.toNanos();
        boolean interrupted = false;
        for (Thread pump : pumps) {
            while (true) {
                try {
                    long left = deadline - System.nanoTime();
                    if (left > 0) pump.join(Duration.ofNanos(left));
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    private static Thread pump(String name, InputStream in, CappedBuffer kept, OutputStream forward,
            Consumer<String> listener, AtomicReference<RuntimeException> failure) {
        Consumer<String> lines = listener == null ? null : text -> {
            if (failure.get() != null) return; // after a failure keep draining, so the child never blocks
            try {
                listener.accept(text);
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        };
        return Thread.ofPlatform().daemon().name(name).start(() -> {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            try (in) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    kept.write(buf, 0, n);
                    if (forward != null) {
                        forward.write(buf, 0, n);
                        forward.flush();
                    }
                    if (lines != null) split(buf, n, line, lines);
                }
            } catch (IOException e) {
                // The child was killed or closed the stream; what was read so far stands.
            }
            if (lines != null && line.size() > 0) lines.accept(line.toString(StandardCharsets.UTF_8));
        });
    }

    private static void split(byte[] buf, int n, ByteArrayOutputStream line, Consumer<String> lines) {
        for (int i = 0; i < n; i++) {
            if (buf[i] == '\n') {
                String text = line.toString(StandardCharsets.UTF_8);
                line.reset();
                lines.accept(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
            } else if (line.size() < LINE_CAP) {
                line.write(buf[i]);
            }
        }
    }
}
