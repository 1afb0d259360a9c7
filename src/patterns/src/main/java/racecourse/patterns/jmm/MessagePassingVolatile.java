package racecourse.patterns.jmm;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/*
 * Message passing, volatile flag (fixed).
 *
 * Only the flag becomes volatile; the message stays a plain field. The writer's store of the message comes
 * before its volatile store of the flag in program order; a reader whose volatile load sees that flag
 * synchronizes with the store, and its later load of the message comes after in program order. Chaining
 * those edges, the message store happens-before the message load, so the reader that sees the flag must
 * see 42. This is the safe-publication idiom behind every hand-off through a volatile field.
 *
 * How to run:  racecourse stress racecourse.patterns.jmm.MessagePassingVolatile
 */

/** Message passing through a volatile flag: seeing the flag guarantees seeing the message. Thread-safe. */
@JCStressTest
@Description("The writer stores the plain message, then the volatile flag; the reader loads them in the opposite order.")
@Outcome(id = "0, 0", expect = Expect.ACCEPTABLE, desc = "the reader ran before the writer")
@Outcome(id = "0, 42", expect = Expect.ACCEPTABLE, desc = "the reader missed the flag but caught the message")
@Outcome(id = "1, 42", expect = Expect.ACCEPTABLE, desc = "the reader ran after the writer")
@Outcome(id = "1, 0", expect = Expect.FORBIDDEN,
        desc = "flag seen, message not: would break the happens-before edge of the volatile flag")
@State
public class MessagePassingVolatile {
    int message;
    volatile int ready;

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
