package racecourse.kernel.magic.explore;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;
import racecourse.process.ChildJvm;
import racecourse.process.ProcessException;
import racecourse.process.ProcessResult;

/**
 * Runs one {@code %%explore} cell fresh in a child JVM ({@link ExploreCellMain}), so that the JVM that asks is never
 * instrumented and a program that misbehaves cannot harm it. The cell is self-contained: it sees the given class
 * path and imports, and nothing declared by earlier cells. Thread-safe: each call has its own child.
 */
public final class ExploreCell {
    private ExploreCell() {
    }

    /**
     * What a cell run produced.
     *
     * @param status {@link ExploreCellMain}'s exit status (0 explored, 1 no program, 2 compile or option error),
     *     or another status if the child JVM itself failed or was stopped
     * @param display the result's representations by MIME type (empty unless the status is 0)
     * @param stopped whether the run was stopped before it ended
     */
    public record Result(int status, Map<String, String> display, boolean stopped) {
    }

    /**
     * Explores the program the cell ends with, in a child JVM.
     *
     * @param body the cell's Java snippets; the last must be an {@code Explore} program
     * @param options the words after {@code %%explore} (already checked with {@link ExploreCellOptions#parse})
     * @param imports import names (without {@code import} and {@code ;}) the cell starts with
     * @param classPath the child's class path entries
     * @param output receives each line the child prints (stdout and stderr)
     * @param stop polled while the child runs; when it returns true the child is ended
     */
    public static Result run(String body, String options, List<String> imports, List<String> classPath,
                             Consumer<String> output, BooleanSupplier stop) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("racecourse-explore-cell");
        try {
            Path cell = work.resolve("cell.jsh");
            Path importFile = work.resolve("imports.txt");
            Path out = work.resolve("display.json");
            Files.writeString(cell, body, StandardCharsets.UTF_8);
            Files.write(importFile, imports, StandardCharsets.UTF_8);
            var runner = ChildJvm.of(ExploreCellMain.class.getName())
                    .jvmOptions(List.of("--enable-preview", "-Djava.awt.headless=true", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                            racecourse.explore.cli.ExploreBench.CONTINUATIONS_EXPORT))
                    .classPath(classPath)
                    .args(List.of(cell.toString(), importFile.toString(), out.toString(), options))
                    .runner().mergeStderr().onStdoutLine(output).stdin(new byte[0]).directory(work);
            AtomicReference<Object> ended = new AtomicReference<>();
            Thread waiter = Thread.ofPlatform().daemon().name("explore-cell").start(() -> {
                try {
                    ended.set(runner.run());
                } catch (ProcessException e) {
                    ended.set(e);
                }
            });
            boolean stopped = false;
            while (!waiter.join(java.time.Duration.ofMillis(50))) {
                if (!stopped && stop.getAsBoolean()) {
                    stopped = true;
                    waiter.interrupt(); // the runner kills the child when its waiting thread is interrupted
                }
            }
            if (ended.get() instanceof ProcessException e) {
                if (stopped) return new Result(-1, Map.of(), true);
                throw new IOException(e.getMessage(), e);
            }
            ProcessResult r = (ProcessResult) ended.get();
            Map<String, String> display = Files.isRegularFile(out)
                    ? new Gson().fromJson(Files.readString(out, StandardCharsets.UTF_8),
                    new TypeToken<Map<String, String>>() { }.getType())
                    : Map.of();
            return new Result(r.exitCode(), display, stopped);
        } finally {
            deleteTree(work);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // a leftover temporary folder is harmless
        }
    }
}
