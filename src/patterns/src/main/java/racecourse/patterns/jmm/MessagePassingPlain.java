package racecourse.patterns.jmm;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/*
 * Message passing, plain fields (broken on purpose).
 *
 * A writer fills in a message and then raises a ready flag; a reader looks at the flag and then at the
 * message. Seeing the flag raised says nothing about the message when both fields are plain: the compiler
 * may reorder the writer's two stores or the reader's two loads, and weakly ordered CPUs (Arm, POWER) may do
 * so in hardware. The result "1, 0" -- flag seen, message not -- is allowed by the Java Memory Model. On x86
 * the hardware keeps stores in order and loads in order, so this shows up only when the JIT reorders,
 * which is rare in this small shape: the test documents what is allowed, not what one machine shows.
 *
 * How to run:  racecourse stress racecourse.patterns.jmm.MessagePassingPlain
 */

/** Message passing with a plain flag: the reader may see the flag without the message. Not thread-safe (on purpose). */
@JCStressTest
@Description("The writer stores the message, then the flag; the reader loads the flag, then the message.")
@Outcome(id = "0, 0", expect = Expect.ACCEPTABLE, desc = "the reader ran before the writer")
@Outcome(id = "0, 42", expect = Expect.ACCEPTABLE, desc = "the reader missed the flag but caught the message")
@Outcome(id = "1, 42", expect = Expect.ACCEPTABLE, desc = "the reader ran after the writer")
@Outcome(id = "1, 0", expect = Expect.ACCEPTABLE_INTERESTING,
        desc = "flag seen, message not: the stores or the loads were reordered")
@State
public class MessagePassingPlain {
    int message;
    int ready;

    @Actor
    public void writer() {
        message = 42;
        ready = 1;
    }

    @Actor
    public void reader(II_Result r) {
        r.r1 = ready;
        r.r2 = message;
    }
}
