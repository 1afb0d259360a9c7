// expect: 5/7 check-then-act and torn reads: each volatile field is updated on its own, so total() can see a move half done
class Wallet {
    private volatile int cash;
    private volatile int savings;

    Wallet(int cash, int savings) {
        if (cash < 0 || savings < 0) throw new IllegalArgumentException("a wallet cannot start negative");
        this.cash = cash;
        this.savings = savings;
    }

    boolean toSavings(int amount) {
        if (amount < 0 || cash < amount) return false;
        cash -= amount;
        savings += amount;
        return true;
    }

    boolean toCash(int amount) {
        if (amount < 0 || savings < amount) return false;
        savings -= amount;
        cash += amount;
        return true;
    }

    int cash() {
        return cash;
    }

    int savings() {
        return savings;
    }

    int total() {
        return cash + savings;
    }
}
