package racecourse.patterns.transfer;

/**
 * Locks {@code from}, then {@code to}: the order the caller happened to name them. A transfer from a to b and
 * one from b to a at the same time can each take their first lock and wait for ever for the other's: a
 * deadlock. Not thread-safe (it deadlocks).
 */
public final class CallerOrderTransfers implements Transfers {
    @Override
    public boolean transfer(Account from, Account to, int amount) {
        from.lock().lock();
        try {
            to.lock().lock();
            try {
                return Transfers.moveLocked(from, to, amount);
            } finally {
                to.lock().unlock();
            }
        } finally {
            from.lock().unlock();
        }
    }
}
