package racecourse.stress.engine;

/**
 * One pass of one actor (or the arbiter) over a slice of a batch: calls it once per sample with that sample's
 * state and result objects. Implementations are generated per test; each instance is used by one thread at a time.
 */
public interface BatchLoop {
    /** Calls the actor for samples {@code from} (inclusive) to {@code to} (exclusive). */
    void run(Object[] states, Object[] results, int from, int to);
}
