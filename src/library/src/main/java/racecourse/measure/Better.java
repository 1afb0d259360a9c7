package racecourse.measure;

/** Which way a measured quantity improves: time per operation goes down, throughput goes up. */
public enum Better {
    /** Smaller is faster (time per call, ms per trial). */
    LOWER,
    /** Larger is faster (operations per ms). */
    HIGHER;

    /** Whether {@code a} is the faster of two values. */
    boolean faster(double a, double b) {
        return this == LOWER ? a < b : a > b;
    }
}
