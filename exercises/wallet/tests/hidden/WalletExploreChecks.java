import static org.junit.jupiter.api.Assertions.assertEquals;

import racecourse.explore.Explore;
import racecourse.grader.api.Subject;

/** Hidden concurrency check of the wallet exercise, run under the schedule explorer. */
class WalletExploreChecks {
    /** One thread moves 30 to savings while another reads the total: the total it reads is always 100. */
    static Explore<WalletContract> moveWhileReading() {
        return Explore.of(() -> Subject.of(WalletContract.class).create(100, 0))
                .thread(w -> w.toSavings(30))
                .thread(w -> {
                    int total = w.total();
                    if (total != 100) {
                        throw new IllegalStateException("total() read " + total + " while 30 of 100 moved to"
                                + " savings: it saw the move half done");
                    }
                })
                .after(w -> {
                    assertEquals(70, w.cash(), "cash after moving 30 of 100 to savings");
                    assertEquals(30, w.savings(), "savings after moving 30 of 100 to savings");
                    return w.cash() + "/" + w.savings();
                });
    }
}
