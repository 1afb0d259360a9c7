package racecourse.explore.program;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import racecourse.explore.instrument.InstrumentingLoader;
import racecourse.explore.sched.Run;

/**
 * The notebook API's program: a fresh state from a supplier, one thread per action on it, and an optional result
 * read from the state when they have all ended; all of it run from an instrumented copy of the code. Not
 * thread-safe: one exploration at a time.
 */
public final class LambdaProgram implements Program {
    private final Lambdas.Call fresh;
    private final List<Lambdas.Call> actions = new ArrayList<>();
    private final Lambdas.Call after;
    private final int threads;

    /**
     * Resolves the lambdas once into an instrumented copy of their classes.
     *
     * @param fresh   makes the state
     * @param actions one per thread
     * @param after   reads the result, or null
     */
    public LambdaProgram(Serializable fresh, List<? extends Serializable> actions, Serializable after) {
        if (actions.isEmpty()) throw new IllegalArgumentException("give at least one thread");
        InstrumentingLoader loader = new InstrumentingLoader(Lambdas.sourceLoader(fresh));
        this.fresh = Lambdas.resolve(fresh, loader, "state");
        for (Serializable a : actions) this.actions.add(Lambdas.resolve(a, loader, "thread"));
        this.after = after == null ? null : Lambdas.resolve(after, loader, "result");
        this.threads = actions.size();
    }

    @Override
    public Instance prepare() throws Exception {
        Object state = fresh.invoke();
        List<Run.Start> starts = new ArrayList<>();
        for (Lambdas.Call a : actions) {
            starts.add(new Run.Start(null, () -> {
                try {
                    a.invoke(state);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        return new Instance(starts, after == null ? null : () -> String.valueOf(after.invoke(state)));
    }

    @Override
    public String describe() {
        return threads + " thread" + (threads == 1 ? "" : "s") + " on a fresh state";
    }
}
