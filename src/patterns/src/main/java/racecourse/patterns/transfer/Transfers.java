package racecourse.patterns.transfer;

/** A way to move money from one account to another, both locked while it moves. */
public interface Transfers {
    /**
     * Moves {@code amount} from {@code from} to {@code to} if {@code from} holds enough.
     *
     * @return whether the money moved
     */
    boolean transfer(Account from, Account to, int amount);

    /** Moves the money with both locks held by the caller: the part every way of locking shares. */
    static boolean moveLocked(Account from, Account to, int amount) {
        if (from.balanceLocked() < amount) return false;
        from.addLocked(-amount);
        to.addLocked(amount);
        return true;
    }
}
