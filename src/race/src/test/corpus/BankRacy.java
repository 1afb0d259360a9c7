// expect: race BankRacy.balance lines 7
/** The bank with no synchronization: Alice's and Bob's deposits race on the balance. */
public class BankRacy {
    private int balance;

    void deposit(int amount) {
        balance = balance + amount; // race
    }

    int balance() {
        return balance;
    }

    public static void main(String[] args) throws InterruptedException {
        BankRacy bank = new BankRacy();
        Thread alice = new Thread(() -> bank.deposit(200), "alice");
        Thread bob = new Thread(() -> bank.deposit(100), "bob");
        alice.start();
        bob.start();
        alice.join();
        bob.join();
        System.out.println(bank.balance());
    }
}
