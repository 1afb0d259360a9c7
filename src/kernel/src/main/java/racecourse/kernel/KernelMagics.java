package racecourse.kernel;

import java.util.List;
import racecourse.display.Display;
import racecourse.display.MimeBundle;
import racecourse.display.Tables;
import racecourse.kernel.magic.Magics;
import racecourse.kernel.session.CellResult;
import racecourse.race.Race;
import racecourse.race.RaceReport;
import racecourse.race.RaceSession;

/** Registers the magics that come from other parts of the course: the race detector's {@code %%race}. */
final class KernelMagics {
    /** How long {@code %%race} waits for threads the cell started before it closes the report. */
    private static final long GRACE_NANOS = Race.GRACE_MILLIS * 1_000_000L;

    private KernelMagics() {
    }

    static void registerAll(Magics magics) {
        magics.register("race", (body, cell, evaluate) -> {
            if (!Race.agentLoaded()) {
                String message = "%%race needs the race detector, and this kernel was started without it;"
                        + " reinstall the kernel with 'bin/racecourse kernel install'";
                return new CellResult.Failure("RaceDetectorMissing", message, List.of(message));
            }
            RaceSession session = Race.start();
            CellResult result;
            try {
                result = evaluate.apply(body);
                long deadline = System.nanoTime() + GRACE_NANOS;
                while (!cell.startedThreads().isEmpty() && System.nanoTime() < deadline && !cell.stopRequested()) {
                    Thread.sleep(10);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                result = new CellResult.Nothing();
            } finally {
                Display.display(report(session.stop()));
            }
            return result;
        });
    }

    /** The report as the cell shows it: Go's text in a preformatted block, with the same text as plain text. */
    static racecourse.display.Displayable report(RaceReport report) {
        String text = report.text();
        String colour = report.count() == 0 ? "#2e7d32" : "#c62828";
        String html = "<pre style=\"border-left: 4px solid " + colour + "; padding-left: 8px\">"
                + Tables.escape(text) + "</pre>";
        return () -> new MimeBundle().with(MimeBundle.HTML, html).with(MimeBundle.TEXT, text);
    }
}
