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
 * Lost update, plain int (broken on purpose).
 *
 * counter++ looks like one step but is three: load the counter, add one, store it back. When both actors
 * load before either stores, both store 1 and one increment disappears. Nothing in the Java Memory Model makes
 * the three steps indivisible, and on a two-core machine the window is wide enough to hit often.
 *
 * How to run:  racecourse stress racecourse.patterns.counter.LostUpdatePlain
 */

/** A plain {@code counter++} from two actors: the arbiter can see 1. Not thread-safe (on purpose). */
@JCStressTest
@Description("Two actors each add one to a plain int with ++.")
@Outcome(id = "2", expect = Expect.ACCEPTABLE, desc = "one increment finished before the other one read the counter")
@Outcome(id = "1", expect = Expect.ACCEPTABLE_INTERESTING,
        desc = "both read 0 and both wrote 1: one update was lost")
@State
public class LostUpdatePlain {
    int counter;

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
