package racecourse.race.edges;

/**
 * Implemented by every class the agent instruments at load time: a slot in each object for the
 * detector's state about it, so that finding it costs a field read rather than a map lookup.
 * The slot is a private transient synthetic field; these methods are generated. Not for other use.
 */
public interface ShadowHolder {
    /** Returns the detector's state of this object, or null. */
    Object $race$get();

    /** Sets the detector's state of this object. */
    void $race$set(Object state);
}
