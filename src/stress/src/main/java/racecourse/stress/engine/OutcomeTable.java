package racecourse.stress.engine;

import java.util.List;

/**
 * Counts outcomes of one worker thread in an open-addressing table keyed by the result objects themselves
 * (their {@code equals}/{@code hashCode}, as generated for jcstress's result types). A result object that starts
 * a new row is kept as that row's key; batches always get fresh result objects, so keys are never overwritten.
 * Not thread-safe: one owner thread; others read it only after the owner has finished.
 */
public final class OutcomeTable {
    /** Kind codes, in the order of {@link org.openjdk.jcstress.annotations.Expect}. */
    public static final byte ACCEPTABLE = 0, INTERESTING = 1, FORBIDDEN = 2, UNKNOWN = 3;

    private final List<OutcomeSpec> specs;
    private Object[] keys = new Object[16];
    private long[] counts = new long[16];
    private long[] warmupCounts = new long[16];
    private byte[] kinds = new byte[16];
    private long[] firstSeen = new long[16];
    private int size;
    private final String watched;
    private boolean watchedSeen;
    private Object watchedKey; // the result object that stands for the watched id, once it has appeared

    /** An empty table that classifies rows by {@code specs} and remembers whether {@code watched} was seen. */
    public OutcomeTable(List<OutcomeSpec> specs, String watched) {
        this.specs = specs;
        this.watched = watched;
    }

    /** Whether the watched outcome id has been counted in a measured (not warm-up) sample. */
    public boolean watchedSeen() {
        return watchedSeen;
    }

    /**
     * Counts results {@code from} to {@code to}; returns the number of those that were interesting (low 32 bits)
     * and forbidden or unknown (high 32 bits).
     */
    public long count(Object[] results, int from, int to, boolean warmup) {
        int interesting = 0;
        int forbidden = 0;
        long[] target = warmup ? warmupCounts : counts;
        for (int i = from; i < to; i++) {
            Object r = results[i];
            int slot = slot(r);
            if (keys[slot] == null) {
                slot = insert(r, slot);
                target = warmup ? warmupCounts : counts;
            }
            target[slot]++;
            if (!warmup && keys[slot] == watchedKey) watchedSeen = true;
            byte kind = kinds[slot];
            if (kind == INTERESTING) interesting++;
            else if (kind >= FORBIDDEN) forbidden++;
        }
        return ((long) forbidden << 32) | interesting;
    }

    private int slot(Object r) {
        int mask = keys.length - 1;
        int h = r.hashCode();
        int slot = (h ^ (h >>> 16)) * 0x9E3779B1 & mask;
        while (true) {
            Object k = keys[slot];
            if (k == null || k.equals(r)) return slot;
            slot = (slot + 1) & mask;
        }
    }

    private int insert(Object r, int slot) {
        if ((size + 1) * 2 > keys.length) {
            grow();
            slot = slot(r);
        }
        keys[slot] = r;
        String id = r.toString();
        kinds[slot] = (byte) OutcomeSpec.classify(specs, id).expect().ordinal();
        if (id.equals(watched)) watchedKey = r;
        firstSeen[slot] = System.nanoTime();
        size++;
        return slot;
    }

    private void grow() {
        Object[] oldKeys = keys;
        long[] oldCounts = counts, oldWarm = warmupCounts, oldFirst = firstSeen;
        byte[] oldKinds = kinds;
        int n = oldKeys.length * 2;
        keys = new Object[n];
        counts = new long[n];
        warmupCounts = new long[n];
        kinds = new byte[n];
        firstSeen = new long[n];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] == null) continue;
            int s = slot(oldKeys[i]);
            keys[s] = oldKeys[i];
            counts[s] = oldCounts[i];
            warmupCounts[s] = oldWarm[i];
            kinds[s] = oldKinds[i];
            firstSeen[s] = oldFirst[i];
        }
    }

    /** Visits every row: printed id, counted samples, warm-up samples, first-seen time ({@code System.nanoTime}). */
    public void forEach(RowVisitor visitor) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null) visitor.row(keys[i].toString(), counts[i], warmupCounts[i], firstSeen[i]);
        }
    }

    /** Receives the rows of a table. */
    @FunctionalInterface
    public interface RowVisitor {
        void row(String id, long count, long warmupCount, long firstSeenNanos);
    }
}
