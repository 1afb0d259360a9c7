package racecourse.race.shadow;

import racecourse.race.clock.Epochs;
import racecourse.race.clock.VectorClock;

/**
 * The FastTrack checks (Flanagan and Freund, 2009) for one access to one variable.
 *
 * <p>A write's history is the epoch of the last write; a read's history is the epoch of the last read
 * until two reads are unordered, then a {@link ReadSet}. An access races with a history entry the
 * accessing thread's clock does not cover. Thread-safe: state changes hold the {@link Shadow}'s monitor.
 */
public final class FastTrack {
    private FastTrack() {
    }

    /** Returns whether the access needs no work: the thread already did it in its current epoch. */
    public static boolean sameEpoch(Shadow sh, int fid, boolean write, long epoch) {
        int slot = fid < 0 ? -fid - 1 : sh.peekSlot(fid);
        long[] st = sh.state;
        int b = 3 * slot;
        if (slot < 0 || b + 2 >= st.length) {
            return false;
        }
        return st[b] == epoch || (!write && st[b + 1] == epoch);
    }

    /**
     * Returns whether an access to element {@code index} of an array's history needs no work: the element's
     * history (its chunk's own, or the uniform one of its chunk) already holds this epoch. Reads without a lock.
     *
     * <p>Why a stale answer can only be a "no". The chunk's {@code prefix} is read first, with a volatile load: the
     * uniform history ({@code w}, {@code r}), written by the last holder of the shadow's monitor before it set the
     * prefix (or by the extension that moved it), is then seen as it was at that load or newer. A chunk being
     * changed has its prefix frozen (negative) and an expanded chunk keeps it frozen for good, so no index passes
     * the first test then; its own triples are read after the volatile {@code expanded}. So the answer is true
     * only if at some moment at or after the call began the element's history held this epoch. Only this thread
     * writes this epoch into a history, and a history leaves it only through another thread's access, which is
     * unordered with this thread's access in the same epoch (this thread has released nothing since: a release
     * starts a new epoch) and which that thread checks and reports under the monitor.
     */
    public static boolean sameEpochElement(Shadow sh, int index, boolean write, long epoch) {
        if (index < 0 || index >= sh.length) {
            return false;
        }
        Shadow.Chunk ch = sh.chunks[index >>> Shadow.CHUNK_BITS];
        // null: not yet accessed, or made so recently that this thread does not see it: the slow path
        return ch != null && sameEpochInChunk(ch, index & (Shadow.CHUNK - 1), write, epoch);
    }

    /**
     * As {@link #sameEpochElement}, for element {@code j} of chunk {@code ch} (an element of the array: the
     * caller checked the bounds).
     */
    public static boolean sameEpochInChunk(Shadow.Chunk ch, int j, boolean write, long epoch) {
        if (j < ch.prefix) {
            return ch.w == epoch || (!write && ch.r == epoch);
        }
        long[] ex = ch.expanded;
        if (ex != null) {
            int b = 3 * j;
            return ex[b] == epoch || (!write && ex[b + 1] == epoch);
        }
        return false;
    }

    /**
     * The next element of a sweep: if element {@code index} has no history, is the first past its chunk's uniform
     * prefix, and that uniform history is this thread's {@code epoch} from the same {@code site} and of the same
     * kind of access alone, adds the element to it with a compare-and-set of the prefix (which fails if a holder
     * of the monitor froze or changed the chunk since the prefix was read) and returns true. Such an access has no
     * earlier access to be checked against, and records exactly what {@link #access} would have. Else false.
     */
    public static boolean extendUniform(Shadow sh, int index, boolean write, long epoch, int site) {
        if (index < 0 || index >= sh.length) {
            return false;
        }
        Shadow.Chunk ch = sh.chunks[index >>> Shadow.CHUNK_BITS];
        return ch != null && extendInChunk(ch, index & (Shadow.CHUNK - 1), write, epoch, site);
    }

    /**
     * As {@link #extendUniform}, for element {@code j} of chunk {@code ch} (an element of the array: the caller
     * checked the bounds).
     */
    public static boolean extendInChunk(Shadow.Chunk ch, int j, boolean write, long epoch, int site) {
        return j == ch.prefix && (write
                ? ch.w == epoch && ch.r == 0 && ch.sites == (long) site << 32
                : ch.r == epoch && ch.w == 0 && ch.sites == (site & 0xFFFFFFFFL))
                && ch.extend(j);
    }

    /**
     * For a bulk operation's accesses to elements {@code index} to {@code end - 1} (an array's, all in this epoch,
     * at one site, of one kind): returns how many of them, from {@code index} on and within its chunk, need no work,
     * or 0. Either they all hold this epoch in the chunk's uniform history already (read, as in
     * {@link #sameEpochElement}, after one volatile read of the prefix), or the first is the next element past the
     * uniform prefix and the history is this epoch's from this site alone: then the elements up to the chunk's end
     * (or {@code end}) are added with one compare-and-set of the prefix. That records exactly what as many
     * {@link #extendUniform} calls in a row would, with nobody in between, which is one of the orders the
     * element-by-element calls allow.
     */
    public static int noWorkRun(Shadow sh, int index, int end, boolean write, long epoch, int site) {
        if (index < 0 || index >= sh.length || end > sh.length) {
            return 0;
        }
        int c = index >>> Shadow.CHUNK_BITS;
        Shadow.Chunk ch = sh.chunks[c];
        if (ch == null) {
            return 0;
        }
        int j = index & (Shadow.CHUNK - 1);
        int stop = Math.min(Shadow.CHUNK, end - (c << Shadow.CHUNK_BITS));
        int p = ch.prefix;
        if (j < p) {
            return ch.w == epoch || (!write && ch.r == epoch) ? Math.min(p, stop) - j : 0;
        }
        boolean alone = write
                ? ch.w == epoch && ch.r == 0 && ch.sites == (long) site << 32
                : ch.r == epoch && ch.w == 0 && ch.sites == (site & 0xFFFFFFFFL);
        return j == p && alone && ch.extendTo(j, stop) ? stop - j : 0;
    }

    /**
     * Checks and records one access. {@code fid} is a field id, or {@code -index-1} for an array element.
     * Returns the conflicting earlier access, or null when the access is ordered after all earlier ones.
     */
    public static Conflict access(Shadow sh, int fid, boolean write, int tid, VectorClock vc, int site) {
        if (fid < 0) {
            return element(sh, -fid - 1, write, tid, vc, site);
        }
        synchronized (sh) {
            int slot = sh.slot(fid);
            return update(sh, sh.state, 3 * slot, slot, write, tid, vc, site);
        }
    }

    /** Checks and records an access to element {@code index} of an array's history. */
    private static Conflict element(Shadow sh, int index, boolean write, int tid, VectorClock vc, int site) {
        if (index < 0 || index >= sh.length) {
            return null;
        }
        synchronized (sh) {
            int ci = index >>> Shadow.CHUNK_BITS;
            Shadow.Chunk ch = sh.chunks[ci];
            if (ch == null) {
                ch = new Shadow.Chunk();
                sh.chunks[ci] = ch;
            }
            int j = index & (Shadow.CHUNK - 1);
            if (ch.expanded != null) {
                return update(sh, ch.expanded, 3 * j, index, write, tid, vc, site);
            }
            int p = ch.freeze();
            long[] st = sh.scratch;
            if (st == null) {
                st = new long[3];
                sh.scratch = st;
            }
            boolean uniform = j < p;
            st[0] = uniform ? ch.w : 0;
            st[1] = uniform ? ch.r : 0;
            st[2] = uniform ? ch.sites : 0;
            Conflict c = update(sh, st, 0, index, write, tid, vc, site);
            boolean same = st[0] == ch.w && st[1] == ch.r && st[2] == ch.sites;
            if (uniform && same) {
                ch.prefix = p;
                return c;
            }
            if (j == p && st[1] != Epochs.SHARED && (same || p == 0)) {
                ch.w = st[0];
                ch.r = st[1];
                ch.sites = st[2];
                ch.prefix = p + 1;
                return c;
            }
            long[] ex = new long[3 * Shadow.CHUNK];
            for (int k = 0; k < p; k++) {
                ex[3 * k] = ch.w;
                ex[3 * k + 1] = ch.r;
                ex[3 * k + 2] = ch.sites;
            }
            ex[3 * j] = st[0];
            ex[3 * j + 1] = st[1];
            ex[3 * j + 2] = st[2];
            ch.expanded = ex; // the prefix stays frozen
            return c;
        }
    }

    /**
     * The FastTrack step on the three longs at {@code st[b..b+2]}; {@code slot} indexes the shadow's read sets.
     * Caller holds the shadow's monitor.
     */
    private static Conflict update(Shadow sh, long[] st, int b, int slot, boolean write, int tid, VectorClock vc,
                                   int site) {
        int time = vc.get(tid);
        long e = Epochs.of(tid, time);
        long w = st[b];
        long r = st[b + 1];
        long sites = st[b + 2];
        Conflict c = null;
        if (write) {
            if (w == e) {
                return null;
            }
            if (w != 0 && !vc.covers(w)) {
                c = new Conflict(true, Epochs.tid(w), Epochs.time(w), (int) (sites >>> 32));
            }
            if (r == Epochs.SHARED) {
                ReadSet rs = (ReadSet) sh.shared[slot];
                if (c == null) {
                    for (int k = 0; k < rs.size; k++) {
                        if (rs.time[k] > vc.get(rs.tid[k])) {
                            c = new Conflict(false, rs.tid[k], rs.time[k], rs.site[k]);
                            break;
                        }
                    }
                }
                sh.shared[slot] = null;
                st[b + 1] = 0;
            } else if (c == null && r != 0 && !vc.covers(r)) {
                c = new Conflict(false, Epochs.tid(r), Epochs.time(r), (int) sites);
            }
            st[b] = e;
            st[b + 2] = ((long) site << 32) | (sites & 0xFFFFFFFFL);
            return c;
        }
        if (r == e || w == e) {
            return null;
        }
        if (r == Epochs.SHARED && ((ReadSet) sh.shared[slot]).time(tid) == time) {
            return null;
        }
        if (w != 0 && !vc.covers(w)) {
            c = new Conflict(true, Epochs.tid(w), Epochs.time(w), (int) (sites >>> 32));
        }
        if (r == Epochs.SHARED) {
            ((ReadSet) sh.shared[slot]).set(tid, time, site);
        } else if (r == 0 || vc.covers(r)) {
            st[b + 1] = e;
            st[b + 2] = (sites & 0xFFFFFFFF00000000L) | (site & 0xFFFFFFFFL);
        } else {
            ReadSet rs = new ReadSet();
            rs.set(Epochs.tid(r), Epochs.time(r), (int) sites);
            rs.set(tid, time, site);
            if (sh.shared == null) {
                sh.shared = new Object[Math.max(1, sh.ids == null ? sh.length : sh.ids.length)];
            } else if (sh.ids != null && sh.shared.length < sh.ids.length) {
                sh.shared = java.util.Arrays.copyOf(sh.shared, sh.ids.length);
            }
            sh.shared[slot] = rs;
            st[b + 1] = Epochs.SHARED;
        }
        return c;
    }
}
