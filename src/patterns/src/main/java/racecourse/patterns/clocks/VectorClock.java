package racecourse.patterns.clocks;

import java.util.Arrays;
import java.util.StringJoiner;

/**
 * A vector clock: one counter per thread, where entry {@code i} says how much of thread {@code i}'s history is
 * known to have happened before. Immutable, so thread-safe.
 */
public final class VectorClock {
    private final int[] counts;

    private VectorClock(int[] counts) {
        this.counts = counts;
    }

    /** The clock with every entry zero, for {@code threads} threads. */
    public static VectorClock zero(int threads) {
        if (threads < 1) throw new IllegalArgumentException("need at least one thread, got " + threads);
        return new VectorClock(new int[threads]);
    }

    /** A clock with the given entries. */
    public static VectorClock of(int... counts) {
        if (counts.length == 0) throw new IllegalArgumentException("need at least one entry");
        return new VectorClock(counts.clone());
    }

    /** The number of threads this clock counts. */
    public int size() {
        return counts.length;
    }

    /** Entry {@code thread}. */
    public int get(int thread) {
        return counts[thread];
    }

    /** This clock with entry {@code thread} one higher: the thread moved on to a new epoch. */
    public VectorClock tick(int thread) {
        int[] next = counts.clone();
        next[thread]++;
        return new VectorClock(next);
    }

    /** The entry-wise maximum: everything either clock knows happened before. */
    public VectorClock join(VectorClock other) {
        check(other);
        int[] next = counts.clone();
        for (int i = 0; i < next.length; i++) next[i] = Math.max(next[i], other.counts[i]);
        return new VectorClock(next);
    }

    /** True when every entry of this clock is at most the same entry of {@code other}. */
    public boolean leq(VectorClock other) {
        check(other);
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > other.counts[i]) return false;
        }
        return true;
    }

    /** True when neither clock is at most the other: the two events are concurrent. */
    public boolean concurrentWith(VectorClock other) {
        return !leq(other) && !other.leq(this);
    }

    private void check(VectorClock other) {
        if (other.counts.length != counts.length) {
            throw new IllegalArgumentException("clocks of " + counts.length + " and " + other.counts.length + " threads");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VectorClock v && Arrays.equals(counts, v.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    /** The entries in brackets, e.g. {@code [2,0,1]}. */
    @Override
    public String toString() {
        StringJoiner out = new StringJoiner(",", "[", "]");
        for (int c : counts) out.add(Integer.toString(c));
        return out.toString();
    }
}
