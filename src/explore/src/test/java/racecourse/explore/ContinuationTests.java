package racecourse.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import racecourse.explore.sched.Run;

/** The tests run with continuations unless the build asks for worker hand-offs (-Dexplore.continuations=false). */
class ContinuationTests {
    @Test
    void theSwitchingModeIsTheOneTheBuildAskedFor() {
        boolean asked = !"false".equals(System.getProperty("racecourse.explore.continuations"));
        assertEquals(asked, Run.continuations(), "the JVM was started with --add-exports java.base/jdk.internal.vm");
    }
}
