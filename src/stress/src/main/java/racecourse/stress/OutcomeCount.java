package racecourse.stress;

import org.openjdk.jcstress.annotations.Expect;

/**
 * One row of a stress result. Immutable.
 *
 * @param id the outcome as jcstress prints it, e.g. {@code "0, 0"}
 * @param count samples that ended in this outcome
 * @param expect what the test declares about it ({@code UNKNOWN} when no {@code @OutcomeCount} covers it)
 * @param description the declared description of the interleaving
 */
public record OutcomeCount(String id, long count, Expect expect, String description) {
    /** Whether this outcome counts against the test: declared forbidden, or not declared at all. */
    public boolean isForbidden() {
        return expect == Expect.FORBIDDEN || expect == Expect.UNKNOWN;
    }

    /** Whether this outcome is declared acceptable and interesting. */
    public boolean isInteresting() {
        return expect == Expect.ACCEPTABLE_INTERESTING;
    }
}
