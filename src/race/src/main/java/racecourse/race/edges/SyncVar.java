package racecourse.race.edges;

import java.util.Arrays;
import racecourse.race.clock.VectorClock;

/**
 * The clock of a synchronization object: a monitor, a lock, a queue, a future, a volatile field.
 * A release joins the releasing thread's clock into it, an acquire joins it into the acquiring thread's.
 *
 * <p>A read/write lock keeps the readers' releases apart, so that readers are ordered after writers and
 * writers after readers and writers, but readers are not ordered after each other.
 * Thread-safe: guarded by this object's monitor.
 */
public class SyncVar {
    private final VectorClock clock = new VectorClock(); // guarded by this
    private volatile VectorClock readers; // guarded by this (writes)
    /**
     * A thread clock known to cover {@link #clock}: the last one that acquired it, kept while only that thread
     * releases into it. Its owner's next acquire needs no join (the lock handed back to the thread that held it
     * last). Written under this object's monitor, read without it.
     */
    private volatile VectorClock covered; // guarded by this (writes)
    private int[] fieldIds = new int[0]; // guarded by this
    private SyncVar[] fieldVars = new SyncVar[0]; // guarded by this

    /**
     * False while only monitor hooks ({@link #monitorAcquire}, {@link #monitorRelease}) have used this clock:
     * those run inside the critical section of the monitor, so they take turns with each other. Any other use
     * (a lock's {@code lock()}, a collection call, {@code wait}, which share the object's clock) sets it for good.
     */
    private volatile boolean shared;

    /** Releases {@code vc} (as a writer or exclusive owner). */
    public void release(VectorClock vc) {
        share();
        releaseClock(vc);
    }

    /** Releases {@code vc} on exit from a monitor (see {@link #shared}). */
    public final void monitorRelease(VectorClock vc) {
        if (getClass() != SyncVar.class) {
            release(vc);
            return;
        }
        releaseClock(vc);
    }

    private synchronized void releaseClock(VectorClock vc) {
        clock.join(vc);
        if (covered != vc) {
            covered = null;
        }
    }

    /** Notes that this clock is used by something other than a monitor hook. */
    private void share() {
        if (!shared) {
            shared = true;
        }
    }

    /**
     * Returns whether {@code vc}'s owner may merge its last monitor exit with its next entry (see
     * {@code Hooks.monitorEnter}): only monitor hooks have used this clock, and no thread but {@code vc}'s owner
     * has acquired it since that owner last did.
     */
    public final boolean coarsens(VectorClock vc) {
        return getClass() == SyncVar.class && !shared && covered == vc && readers == null;
    }

    /** Releases {@code vc} as a reader. */
    public void releaseRead(VectorClock vc) {
        share();
        releaseReadClock(vc);
    }

    private synchronized void releaseReadClock(VectorClock vc) {
        if (readers == null) {
            readers = new VectorClock();
        }
        readers.join(vc);
    }

    /** Acquires into {@code vc} as a writer: after every earlier release, readers' included. */
    public void acquire(VectorClock vc) {
        share();
        acquireClock(vc);
    }

    /** Acquires into {@code vc} on entry to a monitor (see {@link #shared}). */
    public final void monitorAcquire(VectorClock vc) {
        if (getClass() != SyncVar.class) {
            acquire(vc);
            return;
        }
        acquireClock(vc);
    }

    private void acquireClock(VectorClock vc) {
        if (covered == vc && readers == null) {
            return;
        }
        synchronized (this) {
            vc.join(clock);
            if (readers != null) {
                vc.join(readers);
            }
            covered = vc;
        }
    }

    /** Acquires into {@code vc} as a reader: after earlier writer releases. */
    public void acquireRead(VectorClock vc) {
        share();
        if (covered == vc) {
            return;
        }
        synchronized (this) {
            vc.join(clock);
            covered = vc;
        }
    }

    /** Returns the clock of volatile field {@code fid} of the object this clock belongs to. */
    public synchronized SyncVar field(int fid) {
        for (int i = 0; i < fieldIds.length; i++) {
            if (fieldIds[i] == fid) {
                return fieldVars[i];
            }
        }
        int n = fieldIds.length;
        fieldIds = Arrays.copyOf(fieldIds, n + 1);
        fieldVars = Arrays.copyOf(fieldVars, n + 1);
        fieldIds[n] = fid;
        fieldVars[n] = new SyncVar();
        return fieldVars[n];
    }

    /** The read side of a read/write lock: lock as a reader, unlock into the readers' clock. */
    static final class ReadSide extends SyncVar {
        private final SyncVar lock;

        ReadSide(SyncVar lock) {
            this.lock = lock;
        }

        @Override
        public void release(VectorClock vc) {
            lock.releaseRead(vc);
        }

        @Override
        public void releaseRead(VectorClock vc) {
            lock.releaseRead(vc);
        }

        @Override
        public void acquire(VectorClock vc) {
            lock.acquireRead(vc);
        }

        @Override
        public void acquireRead(VectorClock vc) {
            lock.acquireRead(vc);
        }
    }

    /** The write side of a read/write lock. */
    static final class WriteSide extends SyncVar {
        private final SyncVar lock;

        WriteSide(SyncVar lock) {
            this.lock = lock;
        }

        @Override
        public void release(VectorClock vc) {
            lock.release(vc);
        }

        @Override
        public void releaseRead(VectorClock vc) {
            lock.release(vc);
        }

        @Override
        public void acquire(VectorClock vc) {
            lock.acquire(vc);
        }

        @Override
        public void acquireRead(VectorClock vc) {
            lock.acquire(vc);
        }
    }

    /** The clock of a future that completes when all of its parts do ({@code allOf}). */
    static final class AllOf extends SyncVar {
        private final SyncVar[] parts;

        AllOf(SyncVar[] parts) {
            this.parts = parts;
        }

        @Override
        public void acquire(VectorClock vc) {
            super.acquire(vc);
            for (SyncVar p : parts) {
                p.acquire(vc);
            }
        }

        @Override
        public void acquireRead(VectorClock vc) {
            acquire(vc);
        }
    }
}
