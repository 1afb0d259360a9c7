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
 * {@code %jars} added, the default imports, and the imports, classes and methods that earlier cells declared (their
 * variables and statements are not run again). Parses the options and
 * delegates to {@link ExploreCell}. Not thread-safe: one cell at a time, like {@link Magics}.
 */
public final class ExploreMagic implements Magics.CellMagic {
    /** Imports every {@code %%explore} cell starts with, besides the kernel's defaults. */
    public static final List<String> IMPORTS = List.of("racecourse.explore.*",
            "racecourse.explore.report.ExploreResult");

    private final Supplier<List<String>> addedClasspath;
    private final Supplier<JShellSession.Declarations> earlier;

    /**
     * A magic whose child JVMs also get the class path entries {@code addedClasspath} lists at each run, and the
     * earlier cells' declarations that {@code earlier} gives.
     */
    public ExploreMagic(Supplier<List<String>> addedClasspath, Supplier<JShellSession.Declarations> earlier) {
        this.addedClasspath = addedClasspath;
        this.earlier = earlier;
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
        JShellSession.Declarations declared = earlier.get();
        imports.addAll(declared.imports());
        String code = declared.sources().isEmpty() ? body : String.join("\n", declared.sources()) + "\n" + body;
        ExploreCell.Result r;
        try {
            r = ExploreCell.run(code, options, imports, classPath, System.out::println, cell::stopRequested);
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
