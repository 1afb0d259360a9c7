package racecourse.patterns.bank;

/**
 * A bank that holds one account. The course implements it several ways, one per lesson idea; each
 * implementation says in its javadoc whether it is thread-safe.
 */
public interface Bank {
    /** Adds {@code amount} to the balance. */
    void deposit(int amount);

    /** Takes {@code amount} out if the balance covers it; returns whether it did. */
    boolean withdraw(int amount);

    /** The current balance. */
    int balance();
}
