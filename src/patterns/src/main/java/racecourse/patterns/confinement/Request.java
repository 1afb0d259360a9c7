package racecourse.patterns.confinement;

import java.util.concurrent.CompletableFuture;

/**
 * What a customer can ask the {@link Teller}: one record per operation. The interface is sealed, so the
 * teller's {@code switch} over it is checked by the compiler to cover every kind of request.
 */
public sealed interface Request {
    /** Add {@code amount} to the balance; no reply. */
    record Deposit(int amount) implements Request {
    }

    /** Take {@code amount} out if the balance covers it; the reply says whether it did. */
    record Withdraw(int amount, CompletableFuture<Boolean> reply) implements Request {
    }

    /** Ask for the balance; the reply carries it. */
    record Balance(CompletableFuture<Integer> reply) implements Request {
    }

    /** Close the counter: the teller finishes the requests before this one and stops. */
    record Close() implements Request {
    }
}
