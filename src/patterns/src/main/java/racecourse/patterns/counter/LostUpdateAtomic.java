package racecourse.patterns.counter;

import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

/*
 * No lost update: AtomicInteger (fixed).
 *
 * incrementAndGet performs the load, the add and the store as one atomic read-modify-write (a locked add or
 * a compare-and-set loop). The second increment always works on the value the first one wrote, so the
 * arbiter sees 2 every time.
 *
 * How to run:  racecourse stress racecourse.patterns.counter.LostUpdateAtomic
 */

/** {@code AtomicInteger.incrementAndGet} from two actors: no update is lost. Thread-safe. */
@JCStressTest
@Description("Two actors each add one with AtomicInteger.incrementAndGet.")
@Outcome(id = "2", expect = Expect.ACCEPTABLE, desc = "both increments counted")
@Outcome(id = "1", expect = Expect.FORBIDDEN,
        desc = "an update was lost: impossible, the increment is one atomic read-modify-write")
@State
public class LostUpdateAtomic {
    final AtomicInteger counter = new AtomicInteger();

    @Actor
    public void actor1() {
        counter.incrementAndGet();
    }

    @Actor
    public void actor2() {
        counter.incrementAndGet();
    }

    @Arbiter
    public void arbiter(I_Result r) {
        r.r1 = counter.get();
    }
}
