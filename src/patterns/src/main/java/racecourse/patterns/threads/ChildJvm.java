package racecourse.patterns.threads;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of this library in a separate JVM, so an experiment that could exhaust memory or threads
 * cannot hurt the JVM that asked for it. The child uses the same {@code java} binary as the current process and
 * a class path holding only this library. Thread-safe (no shared state).
 */
public final class ChildJvm {
    /**
     * What a child JVM did.
     *
     * @param exitCode its exit status (-1 if it was killed at the deadline)
     * @param out what it wrote to standard output
     * @param err what it wrote to standard error
     * @param elapsed wall time from start to exit
     */
    public record Result(int exitCode, String out, String err, Duration elapsed) {
        /** The {@code key=value} pairs of every output line that starts with {@code prefix}, in order. */
        public List<Map<String, String>> records(String prefix) {
            List<Map<String, String>> all = new ArrayList<>();
            for (String line : out.split("\n")) {
                if (!line.startsWith(prefix)) continue;
                Map<String, String> fields = new LinkedHashMap<>();
                for (String part : line.substring(prefix.length()).trim().split("\\s+")) {
                    int eq = part.indexOf('=');
                    if (eq > 0) fields.put(part.substring(0, eq), part.substring(eq + 1));
                }
                all.add(fields);
            }
            return all;
        }

        /** Throws with the child's error output unless it exited with status 0. */
        public Result orThrow() {
            if (exitCode != 0) {
                throw new IllegalStateException("child JVM exited with " + exitCode + ":\n" + err + out);
            }
            return this;
        }
    }

    private ChildJvm() {
    }

    /** The {@code java} launcher of the running JVM. */
    public static String javaCommand() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** The class path entry (jar or folder) this library was loaded from. */
    public static String libraryClassPath() {
        try {
            return Path.of(ChildJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the patterns library", e);
        }
    }

    /**
     * Runs {@code mainClass} with the JVM options and arguments given, on this JVM's own class path (so the
     * course library the experiment uses is there too), without any agent; waits at most {@code deadline} (then
     * kills it), and returns what it printed.
     */
    public static Result run(Class<?> mainClass, List<String> jvmOptions, List<String> args, Duration deadline) {
        List<String> command = new ArrayList<>();
        command.add(javaCommand());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(args);
        return runCommand(command, deadline);
    }

    /** Runs any command (for example the course launcher), waits at most {@code deadline}, returns its output. */
    public static Result runCommand(List<String> command, Duration deadline) {
        long start = System.nanoTime();
        Process process;
        try {
            process = new ProcessBuilder(command).directory(new File(System.getProperty("java.io.tmpdir")))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command, e);
        }
        CompletableFuture<String> out = drain(process.getInputStream());
        CompletableFuture<String> err = drain(process.getErrorStream());
        try {
            boolean finished = process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            return new Result(finished ? process.exitValue() : -1, out.join(),
                    err.join() + (finished ? "" : "\n(killed after " + deadline.toMillis() + " ms)"), elapsed);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the child JVM", e);
        }
    }

    private static CompletableFuture<String> drain(InputStream in) {
        CompletableFuture<String> text = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("child-output").start(() -> {
            try (in) {
                text.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                text.complete("(output lost: " + e.getMessage() + ")");
            }
        });
        return text;
    }
}
