import racecourse.grader.api.Contract;

/** The methods the learner's {@code Bank} must have; tests call it through this interface. */
@Contract("Bank")
public interface BankContract {
    void deposit(int amount);

    boolean withdraw(int amount);

    int balance();
}
