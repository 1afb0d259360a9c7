package racecourse.patterns.bank;

/**
 * A bank whose deposit reads the balance, adds, and writes it back, with nothing to stop two threads from
 * interleaving those steps. Two deposits that read the same old balance both write "old + amount", and one of
 * them is lost. Not thread-safe: use from one thread only, or see lesson 4 for the fixes.
 */
public final class UnsafeBank implements Bank {
    private int balance;

    @Override
    public void deposit(int amount) {
        balance = balance + amount; // read, add, write: three steps another thread can come between
    }

    @Override
    public boolean withdraw(int amount) {
        if (balance < amount) return false;
        balance = balance - amount;
        return true;
    }

    @Override
    public int balance() {
        return balance;
    }
}
