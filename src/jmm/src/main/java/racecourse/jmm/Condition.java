package racecourse.jmm;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The outcome a litmus test asks about: a conjunction of {@code name = value} terms, where a name is a register
 * ({@code r0}, {@code r1}, ...) or a shared variable (its final value). Immutable; thread-safe.
 */
public record Condition(List<Term> terms) {
    private static final Pattern TERM = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*==?\\s*(-?\\d+)\\s*");

    /** One {@code name = value} term. */
    public record Term(String name, int value) {
        /** Whether the name is a register (r followed by digits). */
        public boolean isRegister() {
            return Litmus.isRegister(name);
        }

        @Override
        public String toString() {
            return name + "=" + value;
        }
    }

    /** Copies the terms. */
    public Condition {
        terms = List.copyOf(terms);
    }

    /**
     * Parses terms joined by {@code &&}, {@code /\}, {@code and} or commas, e.g. {@code r0=1 && r1=0}.
     *
     * @throws IllegalArgumentException naming the term that does not parse
     */
    public static Condition parse(String text) {
        String[] parts = text.trim().split("\\s*(?:&&|/\\\\|∧|,|\\band\\b)\\s*");
        List<Term> terms = new ArrayList<>();
        for (String part : parts) {
            if (part.isBlank()) continue;
            Matcher m = TERM.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("cannot read the condition term '" + part.trim()
                        + "' (expected name=value, e.g. r0=1 or x=2)");
            }
            terms.add(new Term(m.group(1), Integer.parseInt(m.group(2))));
        }
        if (terms.isEmpty()) throw new IllegalArgumentException("the condition is empty (expected e.g. r0=1 && r1=0)");
        return new Condition(terms);
    }

    /** Whether an outcome satisfies every term. */
    public boolean matches(Outcome outcome) {
        for (Term t : terms) {
            Integer v = outcome.value(t.name());
            if (v == null || v != t.value()) return false;
        }
        return true;
    }

    /** The value this condition requires of a name, or null when it says nothing about it. */
    Integer required(String name) {
        for (Term t : terms) if (t.name().equals(name)) return t.value();
        return null;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Term t : terms) {
            if (!out.isEmpty()) out.append(" && ");
            out.append(t);
        }
        return out.toString();
    }
}
