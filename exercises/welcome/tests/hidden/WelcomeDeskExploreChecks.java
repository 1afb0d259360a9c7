import static org.junit.jupiter.api.Assertions.assertEquals;

import racecourse.explore.Explore;
import racecourse.grader.api.Subject;

/**
 * Hidden concurrency checks of the welcome exercise, run under the schedule explorer (exercise.properties names
 * the strategy, seed and budget). Each program is the one its notebook replay line builds, so a witness schedule
 * replays step for step on the learner's own class.
 */
class WelcomeDeskExploreChecks {
    /** One thread opens ann's account and deposits 5 while another opens it too: the bonus is paid once, 105. */
    static Explore<WelcomeDeskContract> openOnce() {
        return Explore.of(() -> Subject.of(WelcomeDeskContract.class).create())
                .thread(d -> {
                    d.open("ann");
                    d.deposit("ann", 5);
                })
                .thread(d -> d.open("ann"))
                .after(d -> {
                    int end = d.balance("ann");
                    assertEquals(105, end, "one thread opened ann's account and deposited 5 while another opened it"
                            + " too: the bonus of 100 is paid once and the deposit kept, so 105, but the balance is "
                            + end);
                    return end;
                });
    }

    /** Two deposits into one account at once: both count. */
    static Explore<WelcomeDeskContract> depositsAddUp() {
        return Explore.of(() -> {
            WelcomeDeskContract d = Subject.of(WelcomeDeskContract.class).create();
            d.open("ann");
            return d;
        }).thread(d -> d.deposit("ann", 5))
                .thread(d -> d.deposit("ann", 7))
                .after(d -> {
                    int end = d.balance("ann");
                    assertEquals(112, end, "deposits of 5 and 7 at once into an account holding 100 should leave 112,"
                            + " but the balance is " + end + " (an update was lost)");
                    return end;
                });
    }
}
