package racecourse.kernel.session;

import java.util.List;

/** What running one cell produced: a value to show, nothing, or an error to report. */
public sealed interface CellResult {
    /** The cell ran; its last snippet was an expression whose live value is {@code value}. */
    record Value(Object value) implements CellResult {
    }

    /** The cell ran and has nothing to show (its last snippet was a declaration or a statement). */
    record Nothing() implements CellResult {
    }

    /**
     * The cell failed: {@code name} and {@code message} summarise it, {@code lines} are what the learner reads.
     */
    record Failure(String name, String message, List<String> lines) implements CellResult {
    }
}
