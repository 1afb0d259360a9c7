// expect: 5/10 deadlocking: deposit takes the two locks in one order, withdraw in the other
// (a yield between the two locks makes the deadlock all but certain once the two orders overlap,
// so the expected score does not depend on how busy the grading machine is)
class Bank {
    private final Object ledger = new Object();
    private final Object vault = new Object();
    private int balance; // guarded by ledger and vault

    void deposit(int amount) {
        synchronized (ledger) {
            pause();
            synchronized (vault) {
                balance += amount;
            }
        }
    }

    boolean withdraw(int amount) {
        synchronized (vault) {
            pause();
            synchronized (ledger) {
                if (balance < amount) {
                    return false;
                }
                balance -= amount;
                return true;
            }
        }
    }

    private static void pause() {
        Thread.yield();
    }

    int balance() {
        synchronized (ledger) {
            synchronized (vault) {
                return balance;
            }
        }
    }
}
