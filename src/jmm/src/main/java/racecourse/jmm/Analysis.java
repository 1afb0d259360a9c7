package racecourse.jmm;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Every outcome each model allows for one test, and, for the Java model, the outcomes that are contested.
 * Immutable after construction; thread-safe.
 */
public final class Analysis {
    private final Litmus test;
    private final Map<Model, Set<Outcome>> allowed;
    private final Set<Outcome> contested;
    private final long candidates;

    Analysis(Litmus test, Map<Model, Set<Outcome>> allowed, Set<Outcome> contested, long candidates) {
        this.test = test;
        EnumMap<Model, Set<Outcome>> copy = new EnumMap<>(Model.class);
        allowed.forEach((m, s) -> copy.put(m, Collections.unmodifiableSet(new LinkedHashSet<>(s))));
        this.allowed = copy;
        this.contested = Collections.unmodifiableSet(new LinkedHashSet<>(contested));
        this.candidates = candidates;
    }

    /** The test analysed. */
    public Litmus test() {
        return test;
    }

    /** The outcomes a model allows (for Java: allowed under every reading; see {@link #contested}). */
    public Set<Outcome> allowed(Model model) {
        return allowed.get(model);
    }

    /** Java outcomes that only the C11-style reading allows (load buffering through opaque accesses). */
    public Set<Outcome> contested() {
        return contested;
    }

    /** Candidate executions checked (after the per-variable coherence filter). */
    public long candidates() {
        return candidates;
    }

    /** The model's verdict on the test's own condition (without explanation). */
    public Verdict verdict(Model model) {
        Condition c = test.condition();
        if (allowed.get(model).stream().anyMatch(c::matches)) return Verdict.ALLOWED;
        if (model == Model.JAVA && contested.stream().anyMatch(c::matches)) return Verdict.CONTESTED;
        return Verdict.FORBIDDEN;
    }
}
