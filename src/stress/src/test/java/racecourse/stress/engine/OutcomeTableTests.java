package racecourse.stress.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.infra.results.II_Result;

class OutcomeTableTests {
    private static II_Result result(int r1, int r2) {
        II_Result r = new II_Result();
        r.r1 = r1;
        r.r2 = r2;
        return r;
    }

    @Test
    void aWatchedOutcomeSeenOnlyInWarmUpDoesNotEndTheRun() {
        OutcomeTable table = new OutcomeTable(
                List.of(new OutcomeSpec("0, 0", Expect.ACCEPTABLE_INTERESTING, "both early")), "0, 0");
        table.count(new Object[] {result(0, 0)}, 0, 1, true);
        assertFalse(table.watchedSeen(), "warm-up samples are not counted, so they must not stop the run");
        table.count(new Object[] {result(1, 0)}, 0, 1, false);
        assertFalse(table.watchedSeen());
        table.count(new Object[] {result(0, 0)}, 0, 1, false);
        assertTrue(table.watchedSeen());
    }
}
