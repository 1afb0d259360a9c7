package racecourse.stress;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.openjdk.jcstress.annotations.Expect;
import racecourse.stress.engine.OutcomeSpec;
import racecourse.stress.engine.TestModel;

/**
 * A stress test written with lambdas, for quick experiments in a cell: a fresh state per sample, one to four
 * actors that each return an int, an optional arbiter, and the outcomes worth naming. The outcome id joins the
 * returned values with ", " in actor order (arbiter last), as jcstress prints an {@code II_Result}.
 * Not thread-safe while being built.
 *
 * <pre>{@code
 * class Box { int x, y; }
 * Experiment.of(Box::new)
 *     .actor(b -> { b.x = 1; return b.y; })
 *     .actor(b -> { b.y = 1; return b.x; })
 *     .outcome("0, 0", Expect.ACCEPTABLE_INTERESTING, "both loads ran before either store was visible")
 *     .otherwise(Expect.ACCEPTABLE, "some order of the four accesses")
 *     .run();
 * }</pre>
 *
 * @param <S> the state type
 */
public final class Experiment<S> {
    private final Supplier<? extends S> state;
    private final List<ToIntFunction<? super S>> actors = new ArrayList<>();
    private ToIntFunction<? super S> arbiter;
    private final List<OutcomeSpec> outcomes = new ArrayList<>();
    private String name = "experiment";
    private String description = "";

    private Experiment(Supplier<? extends S> state) {
        this.state = Objects.requireNonNull(state, "state");
    }

    /** An experiment whose samples each start from {@code freshState.get()}. */
    public static <S> Experiment<S> of(Supplier<? extends S> freshState) {
        return new Experiment<>(freshState);
    }

    /** Adds an actor; its return value is the next part of the outcome id. */
    public Experiment<S> actor(ToIntFunction<? super S> actor) {
        if (actors.size() == TestModel.MAX_ACTORS) throw new IllegalArgumentException("at most " + TestModel.MAX_ACTORS + " actors");
        actors.add(Objects.requireNonNull(actor));
        return this;
    }

    /** Sets the arbiter: it runs after every actor of a sample has finished; its value ends the outcome id. */
    public Experiment<S> arbiter(ToIntFunction<? super S> arbiter) {
        this.arbiter = Objects.requireNonNull(arbiter);
        return this;
    }

    /** Declares an outcome (the id is a regular expression, as in {@code @Outcome}). */
    public Experiment<S> outcome(String id, Expect expect, String description) {
        if (id == null || id.isEmpty()) throw new IllegalArgumentException("an outcome needs an id; use otherwise(...)");
        outcomes.add(new OutcomeSpec(id, expect, description));
        return this;
    }

    /** Declares what every outcome not named by {@link #outcome} means. */
    public Experiment<S> otherwise(Expect expect, String description) {
        outcomes.add(new OutcomeSpec("", expect, description));
        return this;
    }

    /** Names the experiment in reports. */
    public Experiment<S> name(String name) {
        this.name = Objects.requireNonNull(name);
        return this;
    }

    /** Describes the experiment in reports. */
    public Experiment<S> description(String description) {
        this.description = Objects.requireNonNull(description);
        return this;
    }

    /** Runs with {@link StressOptions#defaults()}. */
    public StressResult run() {
        return run(StressOptions.defaults());
    }

    /** Runs with the given options. */
    public StressResult run(StressOptions options) {
        return Stress.run(model(), options);
    }

    TestModel model() {
        if (actors.isEmpty()) throw new IllegalArgumentException("an experiment needs at least one actor");
        int values = actors.size() + (arbiter == null ? 0 : 1);
        try {
            Class<?> resultType = Class.forName("org.openjdk.jcstress.infra.results." + "I".repeat(values) + "_Result");
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            MethodHandle get = lookup.findVirtual(Supplier.class, "get", MethodType.methodType(Object.class));
            MethodHandle newState = get.bindTo(state);
            MethodHandle newResult = lookup.findConstructor(resultType, MethodType.methodType(void.class))
                    .asType(MethodType.methodType(Object.class));
            List<MethodHandle> calls = new ArrayList<>();
            for (int i = 0; i < actors.size(); i++) calls.add(writer(lookup, resultType, i + 1, actors.get(i)));
            MethodHandle arbiterCall = arbiter == null ? null : writer(lookup, resultType, values, arbiter);
            List<OutcomeSpec> specs = outcomes.isEmpty()
                    ? List.of(new OutcomeSpec("", Expect.ACCEPTABLE, "no outcomes were declared"))
                    : outcomes;
            return new TestModel(name, description, newState, newResult, calls, arbiterCall, specs);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot prepare the experiment", e);
        }
    }

    /** {@code (Object state, Object result)void} that stores {@code f.applyAsInt(state)} in result field rN. */
    private static MethodHandle writer(MethodHandles.Lookup lookup, Class<?> resultType, int field, ToIntFunction<?> f)
            throws ReflectiveOperationException {
        MethodHandle setter = lookup.findSetter(resultType, "r" + field, int.class)
                .asType(MethodType.methodType(void.class, Object.class, int.class));
        MethodHandle apply = lookup.findVirtual(ToIntFunction.class, "applyAsInt",
                MethodType.methodType(int.class, Object.class)).bindTo(f);
        MethodHandle resultThenState = MethodHandles.filterArguments(setter, 1, apply);
        return MethodHandles.permuteArguments(resultThenState,
                MethodType.methodType(void.class, Object.class, Object.class), 1, 0);
    }
}
