package racecourse.patterns.transfer;

/**
 * Locks the account with the smaller id first, whichever way the money goes. Every thread takes any two locks in
 * the same global order, so no cycle of threads each holding a lock another wants can form. Thread-safe.
 */
public final class OrderedTransfers implements Transfers {
    @Override
    public boolean transfer(Account from, Account to, int amount) {
        if (from.id() == to.id()) throw new IllegalArgumentException("a transfer needs two accounts: " + from);
        Account first = from.id() < to.id() ? from : to;
        Account second = first == from ? to : from;
        first.lock().lock();
        try {
            second.lock().lock();
            try {
                return Transfers.moveLocked(from, to, amount);
            } finally {
                second.lock().unlock();
            }
        } finally {
            first.lock().unlock();
        }
    }
}
