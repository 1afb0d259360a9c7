package racecourse.race.edges;

import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import racecourse.race.clock.VectorClock;

/**
 * Wrappers for tasks handed to the JDK: each runs the begin and end edges around the task it wraps.
 * Thread-safe: immutable wrappers; the edges are applied by whichever thread runs the task.
 */
final class Tasks {
    private Tasks() {
    }

    /** Marks a wrapper, so that a task is wrapped once. */
    interface Tracked {
    }

    /** The edges of one wrapped task. */
    static final class Edges {
        final Session session;
        final VectorClock start;
        final Object acquireFrom;
        final Object releaseTo;
        final Object future;
        final Thread creator;
        final Throwable where;
        final boolean ownThread;
        final boolean callback;
        final SyncVar done = new SyncVar();

        Edges(Session session, VectorClock start, Object acquireFrom, Object releaseTo, Object future,
              boolean ownThread, boolean callback) {
            this.callback = callback;
            this.session = session;
            this.start = start;
            this.acquireFrom = acquireFrom;
            this.releaseTo = releaseTo;
            this.future = future;
            this.creator = Thread.currentThread();
            this.ownThread = ownThread;
            this.where = ownThread && session.logicalTasks.get() < Session.MAX_LOGICAL_TASKS ? new Throwable() : null;
        }
    }

    record TrackedRunnable(Edges e, Runnable task) implements Runnable, Tracked {
        @Override
        public void run() {
            Object saved = Hooks.taskBegin(e);
            try {
                task.run();
            } finally {
                Hooks.taskEnd(e, saved);
            }
        }
    }

    @SuppressWarnings("unchecked")
    record TrackedCallable<T>(Edges e, Callable<?> task) implements Callable<T>, Tracked {
        @Override
        public T call() throws Exception {
            Object saved = Hooks.taskBegin(e);
            try {
                return (T) task.call();
            } finally {
                Hooks.taskEnd(e, saved);
            }
        }
    }

    @SuppressWarnings("unchecked")
    record TrackedSupplier<T>(Edges e, Supplier<?> task) implements Supplier<T>, Tracked {
        @Override
        public T get() {
            Object saved = Hooks.taskBegin(e);
            try {
                return (T) task.get();
            } finally {
                Hooks.taskEnd(e, saved);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    record TrackedFunction<T, R>(Edges e, Function task) implements Function<T, R>, Tracked {
        @Override
        public R apply(T t) {
            Object saved = Hooks.taskBegin(e);
            try {
                return (R) task.apply(t);
            } finally {
                Hooks.taskEnd(e, saved);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    record TrackedBiFunction<T, U, R>(Edges e, BiFunction task) implements BiFunction<T, U, R>, Tracked {
        @Override
        public R apply(T t, U u) {
            Object saved = Hooks.taskBegin(e);
            try {
                return (R) task.apply(t, u);
            } finally {
                Hooks.taskEnd(e, saved);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    record TrackedConsumer<T>(Edges e, Consumer task) implements Consumer<T>, Tracked {
        @Override
        public void accept(T t) {
            Object saved = Hooks.taskBegin(e);
            try {
                task.accept(t);
            } finally {
                Hooks.taskEnd(e, saved);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    record TrackedBiConsumer<T, U>(Edges e, BiConsumer task) implements BiConsumer<T, U>, Tracked {
        @Override
        public void accept(T t, U u) {
            Object saved = Hooks.taskBegin(e);
            try {
                task.accept(t, u);
            } finally {
                Hooks.taskEnd(e, saved);
            }
        }
    }

    /**
     * Wraps a function that a collection runs under its own lock ({@link CallSpec#isLockedCallback}): the wrapper
     * acquires the collection's clock when the function starts and releases it when it ends.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object locked(SyncVar lock, Object task, int kind) {
        return switch (kind) {
            case CallSpec.WRAP_LOCKED_FUNCTION -> (Function & Tracked) t -> under(lock, () -> ((Function) task).apply(t));
            case CallSpec.WRAP_LOCKED_BIFUNCTION ->
                    (BiFunction & Tracked) (t, u) -> under(lock, () -> ((BiFunction) task).apply(t, u));
            case CallSpec.WRAP_LOCKED_CONSUMER -> (Consumer & Tracked) t -> under(lock, () -> {
                ((Consumer) task).accept(t);
                return null;
            });
            case CallSpec.WRAP_LOCKED_BICONSUMER -> (BiConsumer & Tracked) (t, u) -> under(lock, () -> {
                ((BiConsumer) task).accept(t, u);
                return null;
            });
            case CallSpec.WRAP_LOCKED_PREDICATE -> (java.util.function.Predicate & Tracked) t ->
                    (Boolean) under(lock, () -> ((java.util.function.Predicate) task).test(t));
            case CallSpec.WRAP_LOCKED_UNARY -> (java.util.function.UnaryOperator & Tracked) t ->
                    under(lock, () -> ((java.util.function.UnaryOperator) task).apply(t));
            case CallSpec.WRAP_LOCKED_COMPARATOR -> (java.util.Comparator & Tracked) (a, b) ->
                    (Integer) under(lock, () -> ((java.util.Comparator) task).compare(a, b));
            default -> task;
        };
    }

    /** Runs {@code body} between the hooks that take and give back {@code lock}'s clock. */
    private static <T> T under(SyncVar lock, Supplier<T> body) {
        Hooks.lockedCallbackBegin(lock);
        try {
            return body.get();
        } finally {
            Hooks.lockedCallbackEnd(lock);
        }
    }
}
