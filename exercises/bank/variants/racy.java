// expect: 5/10 races racy: no lock at all, so concurrent deposits are lost and withdrawals can overdraw
// (Thread.yield between the read and the write widens the window, so the loss shows even on a busy machine.)
class Bank {
    private int balance;

    void deposit(int amount) {
        int before = balance;
        Thread.yield();
        balance = before + amount;
    }

    boolean withdraw(int amount) {
        if (balance < amount) {
            return false;
        }
        Thread.yield();
        balance -= amount;
        return true;
    }

    int balance() {
        return balance;
    }
}
