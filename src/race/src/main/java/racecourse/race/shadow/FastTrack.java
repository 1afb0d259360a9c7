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
     */
    public static boolean sameEpochElement(Shadow sh, int index, boolean write, long epoch) {
        if (index < 0 || index >= sh.length) {
            return false;
        }
        Shadow.Chunk ch = sh.chunks[index >>> Shadow.CHUNK_BITS];
        if (ch == null) {
            return false;
        }
        long[] ex = ch.expanded;
        if (ex != null) {
            int b = 3 * (index & (Shadow.CHUNK - 1));
            return ex[b] == epoch || (!write && ex[b + 1] == epoch);
        }
        return (index & (Shadow.CHUNK - 1)) < ch.prefix && (ch.w == epoch || (!write && ch.r == epoch));
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
