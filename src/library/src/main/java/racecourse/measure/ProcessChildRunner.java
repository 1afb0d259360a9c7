package racecourse.measure;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class in a child JVM of the same {@code java} binary, on this JVM's class path and without this
 * JVM's agents, so that nothing loaded in a notebook's JVM changes what is measured. Output goes through temporary
 * files (no reader threads). Thread-safe (no shared state).
 */
public final class ProcessChildRunner implements ChildRunner {
    @Override
    public Output run(Class<?> mainClass, List<String> jvmOptions, List<String> args, Duration deadline) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(args);
        Path out = null, err = null;
        try {
            out = Files.createTempFile("racecourse-measure", ".out");
            err = Files.createTempFile("racecourse-measure", ".err");
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            boolean finished = process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor();
            }
            return new Output(finished ? process.exitValue() : -1, Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8) + (finished ? "" : "\n(stopped after " + deadline.toMillis() + " ms)"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + mainClass.getName() + " in a child JVM", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the child JVM", e);
        } finally {
            for (Path p : new Path[] {out, err}) {
                try {
                    if (p != null) Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }
}
