import racecourse.grader.api.Contract;

/** The methods the learner's {@code WelcomeDesk} must have; tests call it through this interface. */
@Contract("WelcomeDesk")
public interface WelcomeDeskContract {
    boolean open(String name);

    void deposit(String name, int amount);

    int balance(String name);
}
