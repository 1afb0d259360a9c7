import racecourse.grader.api.Contract;

/** The method the learner's {@code Ring} must have (constructor {@code Ring(int size, Thread.Builder builder)}). */
@Contract("Ring")
public interface RingContract {
    int pass(int laps) throws InterruptedException;
}
