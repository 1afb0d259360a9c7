package racecourse.patterns.transfer;

import java.util.concurrent.TimeUnit;

/**
 * Takes {@code from}'s lock, then tries {@code to}'s for a moment ({@code tryLock} with a timeout); when that
 * fails it lets go of the first, yields, and starts again, at most {@code attempts} times. A thread never waits
 * for long while holding a lock, so no deadlock can form. The price: two transfers can keep stepping back for
 * each other, so the attempts are bounded and a transfer may give up (the caller tries again later).
 * Thread-safe.
 */
public final class BackoffTransfers implements Transfers {
    /** How long, in microseconds, a transfer waits for the second lock before it backs off. */
    public static final long WAIT_MICROS = 50;

    private final int attempts;

    /** Transfers that give up after {@code attempts} tries (at least 1). */
    public BackoffTransfers(int attempts) {
        if (attempts < 1) throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
        this.attempts = attempts;
    }

    /** Moves the money unless {@code from} holds too little or the second lock stayed busy on every attempt. */
    @Override
    public boolean transfer(Account from, Account to, int amount) {
        try {
            for (int i = 0; i < attempts; i++) {
                from.lock().lock();
                try {
                    if (to.lock().tryLock(WAIT_MICROS, TimeUnit.MICROSECONDS)) {
                        try {
                            return Transfers.moveLocked(from, to, amount);
                        } finally {
                            to.lock().unlock();
                        }
                    }
                } finally {
                    from.lock().unlock();
                }
                Thread.yield(); // back off: let the thread that holds the other lock finish
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }
}
