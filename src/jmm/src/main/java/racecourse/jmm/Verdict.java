package racecourse.jmm;

import java.util.Locale;

/** What a model says about an outcome. Immutable; thread-safe. */
public enum Verdict {
    /** Some execution the model accepts gives the outcome. */
    ALLOWED,
    /** Every execution that gives the outcome breaks an axiom of the model. */
    FORBIDDEN,
    /** The specification's readers disagree: one reading allows the outcome, another forbids it. */
    CONTESTED;

    /** The lower-case word shown in tables. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
