package racecourse.patterns.trial;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs an experiment's {@code main} in a separate JVM (the same Java and class path, no agents) and returns what
 * it printed. Used when an experiment must not run in the notebook's own JVM: a thread that may spin for ever
 * can be ended with its process, and a measurement is not slowed by the instrumentation the notebook's JVM
 * carries. Thread-safe (static methods only).
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    /**
     * Runs {@code main}'s {@code main(String[])} with {@code args} and waits at most {@code limit}.
     *
     * @return everything the JVM printed on standard output
     * @throws IllegalStateException if the JVM cannot start, exits with a non-zero status, or outlives {@code limit}
     *     (it is then ended)
     */
    public static String run(Class<?> main, List<String> args, Duration limit) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(args);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start a JVM for " + main.getSimpleName() + ": " + e.getMessage(), e);
        }
        try (InputStream in = process.getInputStream()) {
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(main.getSimpleName() + "'s JVM ran longer than " + limit.toSeconds() + " s and was ended");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(main.getSimpleName() + "'s JVM failed with exit status " + process.exitValue());
            }
            return output.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + main.getSimpleName(), e);
        } catch (IOException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not read what " + main.getSimpleName() + " printed", e);
        } finally {
            process.destroyForcibly();
        }
    }
}
