package racecourse.patterns.clocks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A scripted run of a multithreaded program: the actions of its threads in the order they happened. The first
 * thread named is the one that starts the others. Built step by step with the fluent methods. Not thread-safe
 * while being built.
 */
public final class Trace {
    private final List<String> threads;
    private final List<Action> actions = new ArrayList<>();
    private final Set<String> started = new LinkedHashSet<>();
    private final Set<String> joined = new LinkedHashSet<>();

    private Trace(List<String> threads) {
        this.threads = List.copyOf(threads);
        started.add(threads.getFirst());
    }

    /** An empty trace of the named threads; the first one is running, the others wait to be started. */
    public static Trace of(String... threads) {
        if (threads.length == 0) throw new IllegalArgumentException("a trace needs at least one thread");
        if (Set.of(threads).size() != threads.length) throw new IllegalArgumentException("thread names must differ");
        return new Trace(List.of(threads));
    }

    /** The thread names, in the order given. */
    public List<String> threads() {
        return threads;
    }

    /** The actions so far, in order. */
    public List<Action> actions() {
        return List.copyOf(actions);
    }

    public Trace read(String thread, String variable) {
        return add(thread, Action.Kind.READ, variable);
    }

    public Trace write(String thread, String variable) {
        return add(thread, Action.Kind.WRITE, variable);
    }

    public Trace lock(String thread, String lock) {
        return add(thread, Action.Kind.ACQUIRE, lock);
    }

    public Trace unlock(String thread, String lock) {
        return add(thread, Action.Kind.RELEASE, lock);
    }

    public Trace volatileWrite(String thread, String variable) {
        return add(thread, Action.Kind.VOLATILE_WRITE, variable);
    }

    public Trace volatileRead(String thread, String variable) {
        return add(thread, Action.Kind.VOLATILE_READ, variable);
    }

    /** {@code thread} starts {@code other}, which may act only after this. */
    public Trace start(String thread, String other) {
        index(other);
        if (!started.add(other)) throw new IllegalArgumentException(other + " was already started");
        return add(thread, Action.Kind.START, other);
    }

    /** {@code thread} waits for {@code other} to finish; {@code other} may not act after this. */
    public Trace join(String thread, String other) {
        index(other);
        if (!started.contains(other)) throw new IllegalArgumentException(other + " was never started");
        if (other.equals(thread)) throw new IllegalArgumentException(thread + " cannot join itself");
        Trace t = add(thread, Action.Kind.JOIN, other);
        joined.add(other);
        return t;
    }

    /** The index of a thread name. */
    public int index(String thread) {
        int i = threads.indexOf(thread);
        if (i < 0) throw new IllegalArgumentException("no thread named " + thread + " in " + threads);
        return i;
    }

    private Trace add(String thread, Action.Kind kind, String target) {
        index(thread);
        if (!started.contains(thread)) throw new IllegalArgumentException(thread + " acts before anyone started it");
        if (joined.contains(thread)) throw new IllegalArgumentException(thread + " acts after it was joined");
        if (target == null || target.isBlank()) throw new IllegalArgumentException("an action needs a target");
        actions.add(new Action(thread, kind, target));
        return this;
    }
}
