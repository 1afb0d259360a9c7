package racecourse.explore.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A JUnit 5 test whose body runs under the schedule explorer: every thread it starts runs one at a time, and the
 * body is run once per schedule the strategy picks. It fails with the witness schedule and the line that replays
 * it when any schedule throws, deadlocks or loops. The body runs on a fresh instance of an instrumented copy of
 * the test class, without {@code @BeforeEach}: make the state inside the method. (An annotation: immutable.)
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Test
@ExtendWith(ExploreExtension.class)
public @interface ExploreTest {
    /** dpor (every trace once), exhaustive, pct or random. */
    String strategy() default "dpor";

    /** Most schedules to run. */
    int schedules() default 10_000;

    /** Seed of pct and random. */
    long seed() default 0;

    /** Preemption bound for dpor/exhaustive, or -1. */
    int bound() default -1;

    /** Steps per schedule before "livelock or endless loop". */
    int maxSteps() default 10_000;

    /** One schedule to run instead of exploring ("A A B A B"), or "". */
    String replay() default "";
}
