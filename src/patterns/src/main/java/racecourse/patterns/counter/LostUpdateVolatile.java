package racecourse.patterns.counter;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

/*
 * Lost update, volatile int (still broken).
 *
 * Making the counter volatile fixes visibility, not atomicity. Each load sees the latest store in the total
 * order of volatile accesses, yet both actors can still load 0 before either stores, and both then store 1.
 * A read-modify-write needs a lock or an atomic instruction.
 *
 * How to run:  racecourse stress racecourse.patterns.counter.LostUpdateVolatile
 */

/** A volatile {@code counter++} from two actors: still loses updates. Not thread-safe (on purpose). */
@JCStressTest
@Description("Two actors each add one to a volatile int with ++.")
@Outcome(id = "2", expect = Expect.ACCEPTABLE, desc = "one increment finished before the other one read the counter")
@Outcome(id = "1", expect = Expect.ACCEPTABLE_INTERESTING,
        desc = "both read 0 and both wrote 1: volatile makes each access visible, not the pair atomic")
@State
public class LostUpdateVolatile {
    volatile int counter;

    @Actor
    public void actor1() {
        counter++;
    }

    @Actor
    public void actor2() {
        counter++;
    }

    @Arbiter
    public void arbiter(I_Result r) {
        r.r1 = counter;
    }
}
