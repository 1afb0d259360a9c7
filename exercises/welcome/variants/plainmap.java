// expect: 6/10 races racy: a plain HashMap and check-then-act, correct from one thread only
import java.util.HashMap;
import java.util.Map;

class WelcomeDesk {
    private final Map<String, Integer> balances = new HashMap<>();

    boolean open(String name) {
        if (balances.containsKey(name)) {
            return false;
        }
        balances.put(name, 100);
        return true;
    }

    void deposit(String name, int amount) {
        Integer old = balances.get(name);
        if (old == null) {
            throw new IllegalArgumentException("no account for " + name);
        }
        balances.put(name, old + amount);
    }

    int balance(String name) {
        return balances.getOrDefault(name, 0);
    }
}
