package racecourse.stress.engine;

import java.util.regex.Pattern;
import org.openjdk.jcstress.annotations.Expect;

/**
 * One declared outcome: a regular expression over the printed outcome id (as jcstress reads {@code @Outcome}
 * ids), or a default that matches whatever no other outcome matches. Immutable.
 *
 * @param id the id as declared; empty for a default outcome
 * @param expect what the test says about it
 * @param description the interleaving, in words
 */
public record OutcomeSpec(String id, Expect expect, String description) {
    private static final Pattern META = Pattern.compile("[\\[\\](){}*+?|\\\\^$.]");

    /** Whether this is a default outcome (declared without an id). */
    public boolean isDefault() {
        return id.isEmpty();
    }

    /** Whether the id is a plain string rather than a pattern, so it can be listed even when never seen. */
    public boolean isLiteral() {
        return !isDefault() && !META.matcher(id).find();
    }

    /** Whether this declared outcome covers an observed outcome id. */
    public boolean matches(String observed) {
        return !isDefault() && Pattern.compile(id).matcher(observed).matches();
    }

    /** The first declared outcome that covers {@code observed}, else the default, else an UNKNOWN outcome. */
    public static OutcomeSpec classify(java.util.List<OutcomeSpec> specs, String observed) {
        for (OutcomeSpec spec : specs) {
            if (spec.matches(observed)) return spec;
        }
        for (OutcomeSpec spec : specs) {
            if (spec.isDefault()) return spec;
        }
        return new OutcomeSpec(observed, Expect.UNKNOWN, "no @Outcome covers this result");
    }
}
