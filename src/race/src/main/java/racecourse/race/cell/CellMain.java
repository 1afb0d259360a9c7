package racecourse.race.cell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import racecourse.jshell.ChildCellShell;

/**
 * The child JVM of a {@code %%race} cell: evaluates one cell's Java snippets, fresh, in a {@link ChildCellShell}
 * (started with the detector agent tracking from the start), then waits for the threads the cell left running and
 * exits; the agent writes the report at exit. The cell sees the class path of this JVM and the imports listed in
 * the imports file; earlier cells' classes and methods come first in the cell file.
 *
 * <p>Usage: {@code CellMain CELL_FILE IMPORTS_FILE VALUE_FILE}. Exit status: 0 the cell ran, 1 it threw,
 * 2 it did not compile. The value of a last expression is written to {@code VALUE_FILE}. Not thread-safe:
 * one run per JVM.
 */
public final class CellMain {
    /** Exit status when a snippet threw. */
    public static final int THREW = 1;
    /** Exit status when a snippet did not compile. */
    public static final int COMPILE_ERROR = 2;
    /** How long the cell's leftover threads get to finish before the report is closed. */
    public static final long GRACE_MILLIS = 5_000;

    private CellMain() {
    }

    /** Runs the cell; see the class comment for the arguments. */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 3) {
            System.err.println("usage: CellMain CELL_FILE IMPORTS_FILE VALUE_FILE");
            System.exit(COMPILE_ERROR);
        }
        String cell = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
        List<String> imports = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
        Path valueFile = Path.of(args[2]);
        ChildCellShell.Outcome outcome;
        try (ChildCellShell shell = new ChildCellShell("%%race", "racecourse.race.", imports, System.err)) {
            outcome = shell.run(cell, e -> {
                try {
                    if (e.value() != null && ChildCellShell.isExpression(e.snippet())) {
                        Files.writeString(valueFile, e.value(), StandardCharsets.UTF_8);
                    } else if (e.snippet() != null && e.status().isDefined()) {
                        Files.deleteIfExists(valueFile);
                    }
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
            });
        }
        waitForCellThreads();
        System.out.flush();
        System.err.flush();
        System.exit(switch (outcome) {
            case RAN -> 0;
            case THREW -> THREW;
            case COMPILE_ERROR -> COMPILE_ERROR;
        });
    }

    private static void waitForCellThreads() throws InterruptedException {
        long deadline = System.currentTimeMillis() + GRACE_MILLIS;
        List<Thread> others = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t != Thread.currentThread() && !t.isDaemon() && t.isAlive()
                    && t.getThreadGroup() != null && !"system".equals(t.getThreadGroup().getName())) {
                others.add(t);
            }
        }
        for (Thread t : others) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) break;
            t.join(left);
        }
    }
}
