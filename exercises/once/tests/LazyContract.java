import racecourse.grader.api.Contract;

/** The method the learner's {@code Lazy<T>} must have (its constructor takes a {@code Supplier<T>}). */
@Contract("Lazy")
public interface LazyContract<T> {
    T get();
}
