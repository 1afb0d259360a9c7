package racecourse.patterns.jmm;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Two threads try to enter a {@link VolatileDekkerTryLock} once each. Each result is what that thread's look at the other's
 * flag read: 0 means it found the flag down and entered. {@code 0, 0} is both threads inside at once, which is
 * the store-buffering outcome of the litmus test "Dekker" ({@code Litmus.named("Dekker")}). Thread-safe.
 */
@JCStressTest
@Description("Each actor raises its own flag, then enters if the other's flag is down.")
@Outcome(id = "0, 1", expect = Expect.ACCEPTABLE, desc = "actor1 entered, actor2 saw its flag and gave up")
@Outcome(id = "1, 0", expect = Expect.ACCEPTABLE, desc = "actor2 entered, actor1 saw its flag and gave up")
@Outcome(id = "1, 1", expect = Expect.ACCEPTABLE, desc = "both saw the other's flag: neither entered")
@Outcome(id = "0, 0", expect = Expect.FORBIDDEN, desc = "both saw the other's flag down: both inside at once")
@State
public class DekkerVolatile {
    final VolatileDekkerTryLock lock = new VolatileDekkerTryLock();

    @Actor
    public void actor1(II_Result r) {
        r.r1 = lock.tryLock(0) ? 0 : 1;
    }

    @Actor
    public void actor2(II_Result r) {
        r.r2 = lock.tryLock(1) ? 0 : 1;
    }
}
