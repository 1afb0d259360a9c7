package racecourse.stress.engine;

/**
 * Fills a slice of a batch with fresh state and result objects. Implementations are generated per test; each
 * instance is used by one thread at a time.
 */
public interface FillLoop {
    /** Stores a new state and a new result object at every index from {@code from} (inclusive) to {@code to}. */
    void fill(Object[] states, Object[] results, int from, int to);
}
