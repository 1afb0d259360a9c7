// expect: race BankRacyRead.balance lines 7,11
/** Deposits are synchronized but the balance is read without the lock. */
public class BankRacyRead {
    private int balance; // guarded by this (but see balance())

    synchronized void deposit(int amount) {
        balance = balance + amount; // race
    }

    int balance() {
        return balance; // race
    }

    public static void main(String[] args) throws InterruptedException {
        BankRacyRead bank = new BankRacyRead();
        Thread alice = new Thread(() -> bank.deposit(200), "alice");
        Thread bob = new Thread(() -> System.out.println(bank.balance()), "bob");
        alice.start();
        bob.start();
        alice.join();
        bob.join();
    }
}
