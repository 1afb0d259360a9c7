package racecourse.explore.sched;

import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A happens-before check over one explored schedule, with vector clocks: synchronization steps (locks, monitors,
 * volatile and atomic accesses, concurrent collections, start and join, ...) order the threads, and two accesses
 * to the same plain field or array element, at least one a write, that no such order separates are a data race.
 * It reports a race even when the schedule itself went well. Not thread-safe: used by the thread holding the turn.
 */
final class RaceCheck {
    private static final Object STATIC = new Object();
    private static final Object EVERYTHING = new Object();

    /** What is known about one memory location. */
    private static final class Location {
        int writer = -1;
        int writeClock;
        int writeSite;
        int[] reads;
        int[] readSites;
        int[] sync;
    }

    private final int[][] clocks = new int[64][];
    private final IdentityHashMap<Object, int[]> syncs = new IdentityHashMap<>();
    private final IdentityHashMap<Object, Map<Integer, Location>> locations = new IdentityHashMap<>();
    private final Set<String> races = new LinkedHashSet<>();

    private int[] clock(int id) {
        int[] c = clocks[id];
        if (c == null) {
            c = new int[64];
            c[id] = 1;
            clocks[id] = c;
        }
        return c;
    }

    private static void join(int[] into, int[] from) {
        for (int i = 0; i < 64; i++) if (from[i] > into[i]) into[i] = from[i];
    }

    /** Thread {@code child} starts with what {@code parent} knows. */
    void fork(LogicalThread parent, LogicalThread child) {
        int[] c = clock(child.id);
        join(c, clock(parent.id));
        clock(parent.id)[parent.id]++;
    }

    /** Thread {@code t} ended: whoever joins its Thread object learns what it knew. */
    void end(LogicalThread t) {
        if (t.thread != null) syncs.put(t.thread, clock(t.id).clone());
    }

    /** Thread {@code me} took step {@code op}. */
    void step(LogicalThread me, Op op) {
        int[] c = clock(me.id);
        switch (op.kind()) {
            case Op.SYNC -> synchronize(c, me.id, op.target() instanceof LogicalThread lt && lt.thread != null
                    ? lt.thread : op.target());
            case Op.GLOBAL -> synchronize(c, me.id, EVERYTHING);
            case Op.READ, Op.WRITE -> access(me, c, op);
            default -> {
            }
        }
    }

    private void synchronize(int[] c, int id, Object on) {
        if (on == null) on = EVERYTHING;
        boolean read = on instanceof java.util.concurrent.locks.ReentrantReadWriteLock.ReadLock;
        if (read || on instanceof java.util.concurrent.locks.ReentrantReadWriteLock.WriteLock) {
            Object partner = Hooks.rwPartner(on);
            if (partner != null) {
                // Writers order everything; readers see the writers' past and publish to writers, but two
                // readers are not ordered by the read lock they share.
                int[] writes = sync(read ? partner : on);
                int[] reads = sync(read ? on : partner);
                join(c, writes);
                if (read) {
                    join(reads, c);
                } else {
                    join(c, reads);
                    join(writes, c);
                }
                c[id]++;
                return;
            }
        }
        int[] s = syncs.get(on);
        if (s == null) {
            s = new int[64];
            syncs.put(on, s);
        }
        join(c, s);
        join(s, c);
        c[id]++;
    }

    private int[] sync(Object on) {
        return syncs.computeIfAbsent(on, k -> new int[64]);
    }

    private void access(LogicalThread me, int[] c, Op op) {
        Sites.Site site = Sites.get(op.site());
        Object target = op.target() == null ? STATIC : op.target();
        int key = op.target() == null ? site.fieldKey() : op.key();
        Location l = locations.computeIfAbsent(target, k -> new HashMap<>()).computeIfAbsent(key, k -> new Location());
        if (site.ordered()) {
            if (l.sync == null) l.sync = new int[64];
            join(c, l.sync);
            join(l.sync, c);
            c[me.id]++;
            return;
        }
        int id = me.id;
        if (l.writer >= 0 && l.writer != id && l.writeClock > c[l.writer]) {
            report(op, site, l.writeSite, me, l.writer, op.kind() == Op.WRITE ? "write" : "read", "write");
        }
        if (op.kind() == Op.WRITE) {
            if (l.reads != null) {
                for (int u = 0; u < 64; u++) {
                    if (u != id && l.reads[u] > c[u]) {
                        report(op, site, l.readSites[u], me, u, "write", "read");
                        break;
                    }
                }
                Arrays.fill(l.reads, 0);
            }
            l.writer = id;
            l.writeClock = c[id];
            l.writeSite = op.site();
        } else {
            if (l.reads == null) {
                l.reads = new int[64];
                l.readSites = new int[64];
            }
            l.reads[id] = c[id];
            l.readSites[id] = op.site();
        }
    }

    private void report(Op op, Sites.Site site, int otherSite, LogicalThread me, int other, String mine, String theirs) {
        String field = site.what().replaceFirst("^(read|write) ", "");
        String a = theirs + " at " + Sites.get(otherSite).where();
        String b = mine + " at " + site.where();
        String first = a.compareTo(b) <= 0 ? a : b;
        String second = a.compareTo(b) <= 0 ? b : a;
        races.add("data race on " + field + ": " + first + " and " + second
                + ", in two threads with no synchronization between them");
    }

    /** The races seen in this schedule. */
    Set<String> races() {
        return races;
    }
}
