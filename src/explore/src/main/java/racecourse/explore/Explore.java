package racecourse.explore;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import racecourse.explore.program.LambdaProgram;
import racecourse.explore.report.ExploreResult;

/**
 * The notebook API of the schedule explorer: a fresh state, one lambda per thread, an optional result read when
 * they have all ended; then {@link #explore()} runs every schedule (or trace) of their shared accesses, and
 * {@link #play(String)} runs the one a learner writes. Lambdas must keep shared objects in the state: the explorer
 * reloads their code instrumented and makes a fresh state for every schedule. Not thread-safe while being built.
 *
 * <pre>{@code
 * class Box { int v; }
 * Explore.of(Box::new)
 *     .thread(b -> { int r = b.v; b.v = r + 1; })
 *     .thread(b -> { int r = b.v; b.v = r + 1; })
 *     .after(b -> b.v)
 *     .explore();                 // 6 schedules without reduction: result 1 in 4, result 2 in 2
 * }</pre>
 *
 * @param <S> the state type
 */
public final class Explore<S> {
    /** Makes a fresh state. */
    @FunctionalInterface
    public interface State<S> extends Serializable {
        /** A fresh state. */
        S make() throws Exception;
    }

    /** One thread's work on the state. */
    @FunctionalInterface
    public interface Action<S> extends Serializable {
        /** Runs on the state. */
        void run(S state) throws Exception;
    }

    /** Reads the result from the state once every thread has ended. */
    @FunctionalInterface
    public interface Result<S> extends Serializable {
        /** The result. */
        Object read(S state) throws Exception;
    }

    private final State<S> state;
    private final List<Action<S>> threads = new ArrayList<>();
    private Result<S> after;

    private Explore(State<S> state) {
        this.state = Objects.requireNonNull(state, "state");
    }

    /** A program whose schedules each start from {@code state.make()}. */
    public static <S> Explore<S> of(State<S> state) {
        return new Explore<>(state);
    }

    /** Adds a thread (A, B, C, ... in the order added). */
    public Explore<S> thread(Action<S> action) {
        if (threads.size() == 63) throw new IllegalArgumentException("at most 63 threads");
        threads.add(Objects.requireNonNull(action, "action"));
        return this;
    }

    /** Sets the result read when every thread has ended; its value names the outcome. */
    public Explore<S> after(Result<S> result) {
        this.after = Objects.requireNonNull(result, "result");
        return this;
    }

    /** Explores with {@link ExploreOptions#defaults()} (every trace once). */
    public ExploreResult explore() {
        return explore(ExploreOptions.defaults());
    }

    /** Explores with the given options. */
    public ExploreResult explore(ExploreOptions options) {
        return Explorer.explore(program(), options, "Explore.play(program, \"%s\")");
    }

    /** Runs one schedule written as thread letters ("A A B A B") and says what it produced, step by step. */
    public ExploreResult play(String schedule) {
        return play(this, schedule);
    }

    /** Runs one schedule of {@code program} written as thread letters and says what it produced, step by step. */
    public static ExploreResult play(Explore<?> program, String schedule) {
        return Explorer.explore(program.program(), ExploreOptions.defaults().withReplay(schedule),
                "Explore.play(program, \"%s\")");
    }

    LambdaProgram program() {
        if (threads.isEmpty()) throw new IllegalArgumentException("give at least one thread with .thread(...)");
        return new LambdaProgram(state, threads, after);
    }
}
