package racecourse.patterns.bank;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The check and the act done as one atomic map operation, {@link ConcurrentHashMap#putIfAbsent}: exactly one
 * caller sees the name absent and pays the bonus. Thread-safe.
 */
public final class AtomicWelcomeDesk implements WelcomeDesk {
    private final ConcurrentHashMap<String, Integer> balances = new ConcurrentHashMap<>();

    @Override
    public boolean open(String name) {
        return balances.putIfAbsent(name, BONUS) == null;
    }

    @Override
    public int balance(String name) {
        return balances.getOrDefault(name, 0);
    }
}
