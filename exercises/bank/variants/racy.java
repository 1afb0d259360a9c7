// expect: 5/14 races racy: no lock at all, so concurrent deposits are lost and withdrawals can overdraw
class Bank {
    private int balance;

    void deposit(int amount) {
        balance += amount;
    }

    boolean withdraw(int amount) {
        if (balance < amount) {
            return false;
        }
        balance -= amount;
        return true;
    }

    int balance() {
        return balance;
    }
}
