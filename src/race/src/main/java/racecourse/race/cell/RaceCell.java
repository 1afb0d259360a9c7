package racecourse.race.cell;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import racecourse.files.FileTrees;
import racecourse.process.ChildJvm;
import racecourse.process.ProcessException;
import racecourse.process.ProcessResult;
import racecourse.process.ProcessRunner;
import racecourse.race.Agents;

/**
 * Runs one notebook cell's Java code fresh under the race detector in a child JVM (see {@link CellMain}), so
 * that the JVM that asks pays nothing for the detector. The cell is self-contained: it sees the given class
 * path and imports, and nothing declared by earlier cells. Thread-safe: each call has its own child.
 */
public final class RaceCell {
    /** Class-name prefixes of the course's own tools, left uninstrumented in the child. */
    public static final String TOOL_PREFIXES = "racecourse.stress.;racecourse.display.;racecourse.grader.";

    private RaceCell() {
    }

    /**
     * What a cell run produced.
     *
     * @param status {@link CellMain}'s exit status (0 ran, 1 threw, 2 did not compile), or another status if
     *     the child JVM itself failed or was stopped
     * @param value the text of the cell's last expression, or null
     * @param reportText the detector's report in Go's shape, or a sentence saying why there is none
     * @param races the number of distinct races found (0 if there is no report)
     * @param complete whether the report was closed normally (the child was not killed)
     * @param stopped whether the stop flag ended the child before the cell finished
     */
    public record Result(int status, String value, String reportText, int races, boolean complete, boolean stopped) {
    }

    /**
     * Runs {@code body} in a child JVM under the detector.
     *
     * @param body the cell's Java snippets
     * @param imports import names (without {@code import} and {@code ;}) the cell starts with
     * @param classPath the child's class path entries (the kernel's own and those added by magics)
     * @param output receives each line the cell prints (stdout and stderr)
     * @param stop polled while the child runs (through {@link ProcessRunner#stopWhen}); when it returns true the
     *     child's process tree is ended
     */
    public static Result run(String body, List<String> imports, List<String> classPath, Consumer<String> output,
                             BooleanSupplier stop) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("racecourse-race-cell");
        try {
            Path cell = work.resolve("cell.jsh");
            Path importFile = work.resolve("imports.txt");
            Path value = work.resolve("value.txt");
            Path json = work.resolve("report.json");
            Path text = work.resolve("report.txt");
            Files.writeString(cell, body, StandardCharsets.UTF_8);
            Files.write(importFile, imports, StandardCharsets.UTF_8);
            List<String> cmd = new ArrayList<>(List.of(ChildJvm.javaCommand(), "--enable-preview",
                    "-javaagent:" + Agents.agentJar().toAbsolutePath() + "=json=" + json + ",text=" + text
                            + ",exclude=" + TOOL_PREFIXES,
                    "-cp", String.join(File.pathSeparator, classPath), CellMain.class.getName(),
                    cell.toString(), importFile.toString(), value.toString()));
            ProcessResult child;
            java.util.concurrent.atomic.AtomicBoolean stopSeen = new java.util.concurrent.atomic.AtomicBoolean();
            BooleanSupplier watched = () -> {
                boolean now = stop.getAsBoolean();
                if (now) {
                    stopSeen.set(true); // the runner ends the child as soon as it hears true
                }
                return now;
            };
            try {
                child = ProcessRunner.of(cmd).mergeStderr().outputCap(0).onStdoutLine(output).stopWhen(watched).run();
            } catch (ProcessException e) {
                if (Thread.interrupted()) {
                    InterruptedException stopped = new InterruptedException("interrupted while the cell ran");
                    stopped.initCause(e);
                    throw stopped;
                }
                throw new IOException(e.getMessage(), e);
            }
            String shown = Files.isRegularFile(value) ? Files.readString(value, StandardCharsets.UTF_8) : null;
            String report = Files.isRegularFile(text) ? Files.readString(text, StandardCharsets.UTF_8)
                    : "No race report: the cell's JVM ended before the detector wrote it (exit status "
                    + child.exitCode() + ").";
            int races = 0;
            boolean complete = false;
            if (Files.isRegularFile(json)) {
                ReportSummary s = ReportSummary.read(Files.readString(json, StandardCharsets.UTF_8));
                races = s.count();
                complete = s.complete();
            }
            boolean stopped = stopSeen.get();
            return new Result(child.exitCode(), shown, report.strip(), races, complete, stopped);
        } finally {
            FileTrees.deleteQuietly(work);
        }
    }
}
