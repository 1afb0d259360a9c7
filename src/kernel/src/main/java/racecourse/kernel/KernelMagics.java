package racecourse.kernel;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import racecourse.display.Display;
import racecourse.display.MimeBundle;
import racecourse.display.Tables;
import racecourse.kernel.magic.Magics;
import racecourse.kernel.session.CellResult;
import racecourse.kernel.session.JShellSession;
import racecourse.race.cell.CellMain;
import racecourse.race.cell.RaceCell;

/**
 * Registers the magics that come from other parts of the course: the race detector's {@code %%race} and the
 * schedule explorer's {@code %%explore}. The kernel's
 * JVM never loads the detector; a {@code %%race} cell runs fresh in a child JVM under it, with the kernel's class
 * path (and what {@code %classpath}/{@code %jars} added), the default imports, and the imports, classes and methods
 * that earlier cells declared (their variables and statements are not run again). Not thread-safe: one cell at a
 * time, like {@link Magics}.
 */
final class KernelMagics {
    private KernelMagics() {
    }

    static void registerAll(Magics magics, JShellSession session) {
        magics.register("explore", new racecourse.kernel.magic.explore.ExploreMagic(magics::addedClasspath, session::declarations));
        magics.register("race", (body, cell, evaluate) -> {
            List<String> classPath = new ArrayList<>(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
            classPath.addAll(magics.addedClasspath());
            RaceCell.Result r;
            try {
                JShellSession.Declarations earlier = session.declarations();
                List<String> imports = new ArrayList<>(JShellSession.DEFAULT_IMPORTS);
                imports.addAll(earlier.imports());
                String code = earlier.sources().isEmpty() ? body : String.join("\n", earlier.sources()) + "\n" + body;
                r = RaceCell.run(code, imports, classPath, System.out::println, cell::stopRequested);
            } catch (IOException e) {
                String message = "%%race could not start the detector's JVM: " + e.getMessage();
                return new CellResult.Failure("RaceDetectorFailed", message, List.of(message));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new CellResult.Nothing();
            }
            if (r.status() != CellMain.COMPILE_ERROR) Display.display(report(r.reportText(), r.races()));
            if (r.stopped()) {
                String message = "%%race was stopped before the cell ended; races found until then are reported above";
                return new CellResult.Failure("Stopped", message, List.of(message));
            }
            if (r.status() == CellMain.COMPILE_ERROR) {
                String message = "the cell does not compile (the compiler's messages are above)";
                return new CellResult.Failure("CompilationError", message, List.of(message));
            }
            if (r.status() == CellMain.THREW) {
                String message = "the cell threw (its stack trace is above); races found before are reported";
                return new CellResult.Failure("CellThrew", message, List.of(message));
            }
            if (r.status() != 0) {
                String message = "the detector's JVM ended with status " + r.status();
                return new CellResult.Failure("RaceDetectorFailed", message, List.of(message));
            }
            return r.value() == null ? new CellResult.Nothing() : new CellResult.Value(new Shown(r.value()));
        });
    }

    /** A cell's value as the child JVM printed it. */
    private record Shown(String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    /** The report as the cell shows it: Go's text in a preformatted block, with the same text as plain text. */
    static racecourse.display.Displayable report(String text, int races) {
        String colour = races == 0 ? "#2e7d32" : "#c62828";
        String html = "<pre style=\"border-left: 4px solid " + colour + "; padding-left: 8px\">"
                + Tables.escape(text) + "</pre>";
        return () -> new MimeBundle().with(MimeBundle.HTML, html).with(MimeBundle.TEXT, text);
    }
}
