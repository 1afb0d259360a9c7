import racecourse.grader.api.Contract;

/** The methods the learner's {@code Wallet} must have (its constructor takes the starting cash and savings). */
@Contract("Wallet")
public interface WalletContract {
    boolean toSavings(int amount);

    boolean toCash(int amount);

    int cash();

    int savings();

    int total();
}
