package racecourse.stress.bench;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/*
 * The benchmark's store-buffering test: plain fields, each actor stores its own and loads the other's. Both
 * harnesses run this one class, so their samples per second compare like with like.
 */

/** Store buffering on plain fields, as the benchmark's workload. Not thread-safe (on purpose). */
@JCStressTest
@Outcome(id = {"0, 1", "1, 0", "1, 1"}, expect = Expect.ACCEPTABLE, desc = "at least one store was visible to the other actor's load")
@Outcome(id = "0, 0", expect = Expect.ACCEPTABLE_INTERESTING, desc = "both loads ran ahead of both stores")
@State
public class StoreBufferingBench {
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
