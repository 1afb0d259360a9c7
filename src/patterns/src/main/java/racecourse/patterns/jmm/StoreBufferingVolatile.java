package racecourse.patterns.jmm;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/*
 * Store buffering, volatile fields (fixed).
 *
 * The same two threads as in StoreBufferingPlain, but both flags are volatile. Volatile accesses are
 * synchronization actions: they take part in one total order that agrees with each thread's program order,
 * and every volatile load sees the last volatile store before it in that order. Whichever store is first in
 * the order comes before the other thread's load, so that load sees 1. The JIT pays for this with a full
 * fence after each volatile store (on x86, a locked instruction that drains the store buffer).
 *
 * How to run:  racecourse stress racecourse.patterns.jmm.StoreBufferingVolatile
 */

/** Store buffering with volatile fields: {@code 0, 0} is forbidden. Thread-safe. */
@JCStressTest
@Description("Each actor stores to its own volatile field, then loads the other one.")
@Outcome(id = "0, 1", expect = Expect.ACCEPTABLE, desc = "actor1 finished before actor2 loaded x")
@Outcome(id = "1, 0", expect = Expect.ACCEPTABLE, desc = "actor2 finished before actor1 loaded y")
@Outcome(id = "1, 1", expect = Expect.ACCEPTABLE, desc = "both stores landed before either load ran")
@Outcome(id = "0, 0", expect = Expect.FORBIDDEN,
        desc = "both loads missed both stores: impossible in one total order of volatile accesses")
@State
public class StoreBufferingVolatile {
    volatile int x;
    volatile int y;

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
