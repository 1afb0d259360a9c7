package racecourse.patterns.bank;

/**
 * Opens customer accounts and pays each new customer a one-time welcome bonus of {@link #BONUS}.
 * Implementations say whether they are thread-safe.
 */
public interface WelcomeDesk {
    /** The bonus paid into every new account, once. */
    int BONUS = 100;

    /** Opens an account for {@code name} with the bonus if it has none yet; returns whether it paid the bonus. */
    boolean open(String name);

    /** The balance of {@code name}'s account, or 0 if there is none. */
    int balance(String name);
}
