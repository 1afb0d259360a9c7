package racecourse.patterns.bank;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A race condition without a data race: every map call is atomic and the map is a {@link ConcurrentHashMap},
 * yet "is there an account? no, so pay the bonus" is two calls, and two threads can both see "no" before either
 * pays. The customer then gets the bonus twice. Not thread-safe (although each of its steps is).
 */
public final class CheckThenActWelcomeDesk implements WelcomeDesk {
    private final ConcurrentHashMap<String, Integer> balances = new ConcurrentHashMap<>();

    @Override
    public boolean open(String name) {
        if (balances.containsKey(name)) return false; // check ...
        balances.merge(name, BONUS, Integer::sum);     // ... then act, on a fact that may no longer hold
        return true;
    }

    @Override
    public int balance(String name) {
        return balances.getOrDefault(name, 0);
    }
}
