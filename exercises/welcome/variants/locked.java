// expect: 8/10 correct but locked: synchronized methods work, but the exercise asks for the map's atomic operations
import java.util.HashMap;
import java.util.Map;

class WelcomeDesk {
    private final Map<String, Integer> balances = new HashMap<>(); // guarded by this

    synchronized boolean open(String name) {
        return balances.putIfAbsent(name, 100) == null;
    }

    synchronized void deposit(String name, int amount) {
        Integer old = balances.get(name);
        if (old == null) {
            throw new IllegalArgumentException("no account for " + name);
        }
        balances.put(name, old + amount);
    }

    synchronized int balance(String name) {
        return balances.getOrDefault(name, 0);
    }
}
