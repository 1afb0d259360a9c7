package racecourse.stress.engine;

import java.lang.invoke.MethodHandle;
import java.util.List;

/**
 * What the engine needs to run one stress test: how to make a fresh state and result object per sample, the
 * actors (each of type {@code (Object state, Object result)void}), an optional arbiter that runs after all
 * actors of a sample, and the declared outcomes. Immutable.
 *
 * @param name the test's name as reports show it
 * @param description the test's description, or an empty string
 * @param newState {@code ()Object}: a fresh state for one sample
 * @param newResult {@code ()Object}: a fresh result for one sample; its {@code toString()} is the outcome id
 * @param actors the actors, one to four
 * @param arbiter the arbiter, or null
 * @param outcomes the declared outcomes, in declaration order
 */
public record TestModel(String name, String description, MethodHandle newState, MethodHandle newResult,
                        List<MethodHandle> actors, MethodHandle arbiter, List<OutcomeSpec> outcomes) {
    /** Most actors a test may have. */
    public static final int MAX_ACTORS = 4;

    public TestModel {
        actors = List.copyOf(actors);
        outcomes = List.copyOf(outcomes);
        if (actors.isEmpty() || actors.size() > MAX_ACTORS) {
            throw new IllegalArgumentException(name + " has " + actors.size() + " actors; the harness runs 1 to "
                    + MAX_ACTORS);
        }
    }
}
