import static org.junit.jupiter.api.Assertions.assertEquals;

import racecourse.explore.Explore;
import racecourse.grader.api.Subject;

/**
 * Hidden concurrency check of the teller exercise, run under the schedule explorer (exercise.properties names the
 * strategy, seed and budget). The teller starts its own thread in its constructor, so the teller is made inside the
 * explored thread A: its own thread is then B and the second depositor C, and the explorer schedules all three.
 * The check makes only the calls its notebook replay line makes.
 */
class TellerExploreChecks {
    /** A teller made on thread A; C deposits 2 while A deposits 1; A then reads the balance and closes: 3. */
    static Explore<int[]> twoDepositors() {
        return Explore.of(() -> new int[1]).thread(r -> {
            TellerContract t = Subject.of(TellerContract.class).create();
            Thread other = new Thread(() -> t.deposit(2));
            other.start();
            t.deposit(1);
            other.join();
            r[0] = t.balance();
            t.close();
        }).after(r -> {
            assertEquals(3, r[0], "a deposit of 1 and a deposit of 2 made at once into a new teller: the balance"
                    + " should be 3, but it is " + r[0] + " (a deposit was lost: only the teller's own thread may"
                    + " change the balance)");
            return r[0];
        });
    }
}
