// expect: 8/10 check-then-act on an AtomicInteger: each update is atomic, but two withdrawals can both pass the check before either subtracts, so the account is overdrawn
import java.util.concurrent.atomic.AtomicInteger;

class Bank {
    private final AtomicInteger balance = new AtomicInteger();

    void deposit(int amount) {
        balance.addAndGet(amount);
    }

    boolean withdraw(int amount) {
        if (balance.get() < amount) {
            return false;
        }
        balance.addAndGet(-amount);
        return true;
    }

    int balance() {
        return balance.get();
    }
}
