package racecourse.kernel.magic.explore;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import racecourse.display.Display;
import racecourse.display.MimeBundle;
import racecourse.kernel.execution.CellRun;
import racecourse.kernel.magic.Magics;
import racecourse.kernel.session.CellResult;
import racecourse.kernel.session.JShellSession;

/**
 * {@code %%explore [options]}: the cell's code, ending with an {@code Explore} program, is explored by the schedule
 * explorer in a fresh child JVM (the kernel's own JVM carries no instrumentation), and the result's chart, table
 * and text are shown. Like {@code %%race}, the cell sees the kernel's class path, what {@code %classpath} and
 * {@code %jars} added and the default imports, but nothing declared by earlier cells. Parses the options and
 * delegates to {@link ExploreCell}. Not thread-safe: one cell at a time, like {@link Magics}.
 */
public final class ExploreMagic implements Magics.CellMagic {
    /** Imports every {@code %%explore} cell starts with, besides the kernel's defaults. */
    public static final List<String> IMPORTS = List.of("racecourse.explore.*",
            "racecourse.explore.report.ExploreResult");

    private final Supplier<List<String>> addedClasspath;

    /** A magic whose child JVMs also get the class path entries {@code addedClasspath} lists at each run. */
    public ExploreMagic(Supplier<List<String>> addedClasspath) {
        this.addedClasspath = addedClasspath;
    }

    @Override
    public CellResult run(String body, CellRun cell, Function<String, CellResult> evaluate) {
        return run("", body, cell, evaluate);
    }

    @Override
    public CellResult run(String options, String body, CellRun cell, Function<String, CellResult> evaluate) {
        try {
            ExploreCellOptions.parse(options);
        } catch (IllegalArgumentException e) {
            return failure("UsageError", e.getMessage());
        }
        if (body.isBlank()) {
            return failure("UsageError", "%%explore: the cell is empty; end it with the program to explore, such as "
                    + "Explore.of(State::new).thread(...).thread(...).after(...)");
        }
        List<String> classPath = new ArrayList<>(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
        classPath.addAll(addedClasspath.get());
        List<String> imports = new ArrayList<>(JShellSession.DEFAULT_IMPORTS);
        imports.addAll(IMPORTS);
        ExploreCell.Result r;
        try {
            r = ExploreCell.run(body, options, imports, classPath, System.out::println, cell::stopRequested);
        } catch (IOException e) {
            return failure("ExplorerFailed", "%%explore could not run the explorer's JVM: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CellResult.Nothing();
        }
        if (r.stopped()) return failure("Stopped", "%%explore was stopped before the exploration ended");
        return switch (r.status()) {
            case 0 -> {
                MimeBundle bundle = new MimeBundle();
                r.display().forEach(bundle::with);
                Display.display((racecourse.display.Displayable) () -> bundle);
                yield new CellResult.Nothing();
            }
            case ExploreCellMain.COMPILE_ERROR -> failure("CompilationError",
                    "the cell does not compile or the options are wrong (the messages are above)");
            case ExploreCellMain.NO_PROGRAM -> failure("NoProgram",
                    "the cell threw, or its last line is not a program to explore (the message is above)");
            default -> failure("ExplorerFailed", "the explorer's JVM ended with status " + r.status());
        };
    }

    private static CellResult failure(String name, String message) {
        return new CellResult.Failure(name, message, List.of(message));
    }
}
