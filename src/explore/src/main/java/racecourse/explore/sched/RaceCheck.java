package racecourse.explore.sched;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import racecourse.race.DataRace;
import racecourse.race.report.RaceText;
import racecourse.race.schedule.ScheduleCheck;

/**
 * Feeds one explored schedule's steps to the race detector's happens-before check ({@link ScheduleCheck}):
 * synchronization steps (locks, monitors, start and join, queues, ...) order the threads, ordered accesses
 * (volatile fields, atomics, concurrent collections) synchronize on their variable, and plain accesses are checked
 * as the detector checks them. A race is reported even when the schedule itself went well, in the detector's
 * words. Not thread-safe: used by the thread holding the turn.
 */
final class RaceCheck {
    private final ScheduleCheck check = new ScheduleCheck(Sites::variable);
    private final java.util.BitSet named = new java.util.BitSet();

    /** Thread {@code child} starts with what {@code parent} knows. */
    void fork(LogicalThread parent, LogicalThread child) {
        check.fork(parent.id, child.id);
    }

    private void name(LogicalThread t) {
        if (!named.get(t.id)) {
            named.set(t.id);
            check.name(t.id, t.name());
        }
    }

    /** Thread {@code t} ended: whoever joins its Thread object learns what it knew. */
    void end(LogicalThread t) {
        check.end(t.id, t.thread);
    }

    /** Thread {@code me} took step {@code op}. */
    void step(LogicalThread me, Op op) {
        name(me);
        switch (op.kind()) {
            case Op.SYNC -> synchronize(me, op.target() instanceof LogicalThread lt && lt.thread != null
                    ? lt.thread : op.target());
            case Op.GLOBAL -> check.synchronize(me.id, null);
            case Op.READ, Op.WRITE -> {
                if (op.key() == Op.RANGE) return; // a bulk array step: its elements come through range()
                Sites.Site site = Sites.get(op.site());
                int key = op.target() == null && op.key() < 0 ? site.fieldKey() : op.key();
                check.access(me.id, op.target(), key, op.site(), op.kind() == Op.WRITE, site.ordered());
            }
            default -> {
            }
        }
    }

    /** Thread {@code me}'s bulk array step accessed elements {@code [from, to)} of {@code array}. */
    void range(LogicalThread me, Object array, int from, int to, int site, boolean write) {
        name(me);
        for (int i = from; i < to; i++) check.access(me.id, array, i, site, write, false);
    }

    private void synchronize(LogicalThread me, Object on) {
        boolean read = on instanceof ReentrantReadWriteLock.ReadLock;
        if (read || on instanceof ReentrantReadWriteLock.WriteLock) {
            Object partner = Hooks.rwPartner(on);
            if (partner != null) {
                check.readWrite(me.id, read ? on : partner, read);
                return;
            }
        }
        check.synchronize(me.id, on);
    }

    /** The races seen in this schedule, one line each. */
    Set<String> races() {
        Set<String> out = new LinkedHashSet<>();
        for (DataRace r : check.races()) {
            out.add(RaceText.line(r));
        }
        return out;
    }
}
