// expect: no race
/** The bank with synchronized deposit and balance. */
public class BankSynchronized {
    private int balance; // guarded by this

    synchronized void deposit(int amount) {
        balance = balance + amount;
    }

    synchronized int balance() {
        return balance;
    }

    public static void main(String[] args) throws InterruptedException {
        BankSynchronized bank = new BankSynchronized();
        Thread alice = new Thread(() -> bank.deposit(200), "alice");
        Thread bob = new Thread(() -> System.out.println(bank.balance()), "bob");
        alice.start();
        bob.start();
        alice.join();
        bob.join();
        System.out.println(bank.balance());
    }
}
