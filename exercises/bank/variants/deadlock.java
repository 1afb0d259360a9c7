// expect: 8/14 deadlocking: deposit takes the two locks in one order, withdraw in the other
class Bank {
    private final Object ledger = new Object();
    private final Object vault = new Object();
    private int balance; // guarded by ledger and vault

    void deposit(int amount) {
        synchronized (ledger) {
            synchronized (vault) {
                balance += amount;
            }
        }
    }

    boolean withdraw(int amount) {
        synchronized (vault) {
            synchronized (ledger) {
                if (balance < amount) {
                    return false;
                }
                balance -= amount;
                return true;
            }
        }
    }

    int balance() {
        synchronized (ledger) {
            synchronized (vault) {
                return balance;
            }
        }
    }
}
