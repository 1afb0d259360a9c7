import racecourse.grader.api.Contract;

/** The method the learner's {@code Handler} must have (no-argument constructor). */
@Contract("Handler")
public interface HandlerContract {
    String handle(int id, String user);
}
