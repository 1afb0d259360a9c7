package racecourse.patterns.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import racecourse.explore.Explore;
import racecourse.explore.report.ExploreResult;
import racecourse.explore.report.Outcome;
import racecourse.explore.sched.Ending;

/**
 * Lock ordering, checked over every interleaving by the schedule explorer: two transfers in opposite directions
 * deadlock when each takes its locks in the caller's order, and never when the locks follow the ids or the second
 * one is only tried.
 */
class TransferTests {
    /** Two accounts with 100 each: the state of every explored schedule. */
    static final class TwoAccounts {
        final Account one = new Account(1, 100);
        final Account two = new Account(2, 100);

        String balances() {
            return one.balance() + "/" + two.balance();
        }
    }

    private static ExploreResult opposite(Explore.Action<TwoAccounts> aToB, Explore.Action<TwoAccounts> bToA) {
        return Explore.of(TwoAccounts::new).thread(aToB).thread(bToA).after(TwoAccounts::balances).explore();
    }

    @Test
    void lockingInTheCallersOrderDeadlocksAndTheReportSaysWhoHoldsWhat() {
        ExploreResult r = opposite(s -> new CallerOrderTransfers().transfer(s.one, s.two, 10),
                s -> new CallerOrderTransfers().transfer(s.two, s.one, 20));
        assertTrue(r.complete(), r::text);
        Outcome dead = r.outcomes().stream().filter(o -> o.kind() == Ending.Kind.DEADLOCK).findFirst().orElse(null);
        assertTrue(dead != null, r::text);
        assertEquals(2, dead.detail().split("waiting to lock", -1).length - 1, dead::detail);
        assertEquals(2, dead.detail().split("holds", -1).length - 1, dead::detail);
        assertTrue(r.outcome("result 110/90") != null, r::text);
    }

    @Test
    void lockingInIdOrderNeverDeadlocksAndAlwaysMovesBoth() {
        ExploreResult r = opposite(s -> new OrderedTransfers().transfer(s.one, s.two, 10),
                s -> new OrderedTransfers().transfer(s.two, s.one, 20));
        assertTrue(r.complete(), r::text);
        assertFalse(r.failed(), r::text);
        assertEquals(java.util.Set.of("result 110/90"), r.counts().keySet(), r::text);
    }

    @Test
    void backingOffNeverDeadlocksAndNeverMakesOrLosesMoney() {
        for (int attempts = 1; attempts <= 3; attempts++) {
            int n = attempts;
            ExploreResult r = opposite(s -> new BackoffTransfers(n).transfer(s.one, s.two, 10),
                    s -> new BackoffTransfers(n).transfer(s.two, s.one, 20));
            assertTrue(r.complete(), r::text);
            assertFalse(r.failed(), r::text);
            for (String label : r.counts().keySet()) {
                String[] parts = label.replace("result ", "").split("/");
                assertEquals(200, Integer.parseInt(parts[0]) + Integer.parseInt(parts[1]), r::text);
            }
            if (n >= 2) assertEquals(java.util.Set.of("result 110/90"), r.counts().keySet(), r::text);
        }
    }

    @Test
    void aTransferNeedsTheMoneyAndTwoAccounts() {
        Account a = new Account(1, 5);
        Account b = new Account(2, 0);
        for (Transfers way : new Transfers[] {new CallerOrderTransfers(), new OrderedTransfers(), new BackoffTransfers(2)}) {
            assertFalse(way.transfer(a, b, 6), way.getClass().getSimpleName());
            assertTrue(way.transfer(a, b, 5), way.getClass().getSimpleName());
            assertTrue(way.transfer(b, a, 5), way.getClass().getSimpleName());
            assertEquals(5, a.balance());
            assertEquals(0, b.balance());
        }
        assertThrows(IllegalArgumentException.class, () -> new OrderedTransfers().transfer(a, a, 1));
        assertThrows(IllegalArgumentException.class, () -> new BackoffTransfers(0));
    }

    @Test
    void theTimingsRunsKeepEveryUnitOfMoney() throws InterruptedException {
        for (Transfers way : new Transfers[] {new OrderedTransfers(), new BackoffTransfers(100)}) {
            assertTrue(TransferTiming.time(way, 2_000) > 0, way.getClass().getSimpleName());
        }
    }
}
