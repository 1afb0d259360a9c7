package racecourse.patterns.jmm;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/*
 * Store buffering, plain fields (broken on purpose).
 *
 * Two threads each raise their own flag and then look at the other's flag. Read top to bottom, at least one
 * of them must see the other's flag raised: whichever store comes first in some global order is visible to
 * the later load. Real hardware does not keep that promise. Each core parks its stores in a private store
 * buffer and lets the following load go ahead, so both loads can run before either store reaches memory. The
 * Java Memory Model allows the same: the fields are plain, nothing orders a store before a later load of a
 * different field, and there is no happens-before edge between the threads at all.
 *
 * How to run:  racecourse stress racecourse.patterns.jmm.StoreBufferingPlain
 */

/** Store buffering with plain fields: {@code 0, 0} is allowed and shows up often. Not thread-safe (on purpose). */
@JCStressTest
@Description("Each actor stores to its own plain field, then loads the other one.")
@Outcome(id = "0, 1", expect = Expect.ACCEPTABLE, desc = "actor1 finished before actor2 loaded x")
@Outcome(id = "1, 0", expect = Expect.ACCEPTABLE, desc = "actor2 finished before actor1 loaded y")
@Outcome(id = "1, 1", expect = Expect.ACCEPTABLE, desc = "both stores landed before either load ran")
@Outcome(id = "0, 0", expect = Expect.ACCEPTABLE_INTERESTING,
        desc = "both loads ran while both stores still sat in store buffers")
@State
public class StoreBufferingPlain {
    int x;
    int y;

    @Actor
    public void actor1(II_Result r) {
        x = 1;
        r.r1 = y;
    }

    @Actor
    public void actor2(II_Result r) {
        y = 1;
        r.r2 = x;
    }
}
