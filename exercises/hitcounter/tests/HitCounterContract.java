import racecourse.grader.api.Contract;

/** The methods the learner's {@code HitCounter} must have (no-argument constructor). */
@Contract("HitCounter")
public interface HitCounterContract {
    void hit(String page);

    int hits(String page);

    int total();

    String busiest();
}
