package racecourse.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import racecourse.explore.report.ExploreResult;

class CountTests {
    static final class Box {
        int v;
    }

    @Test
    void readThenWriteSixSchedules() {
        ExploreResult r = Explore.of(Box::new)
                .thread(b -> { int x = b.v; b.v = x + 1; })
                .thread(b -> { int x = b.v; b.v = x + 1; })
                .after(b -> b.v)
                .explore(ExploreOptions.defaults().withStrategy("exhaustive"));
        System.out.println(r.text());
        assertEquals(6, r.schedules());
        assertEquals(4, r.outcome("result 1").schedules());
        assertEquals(2, r.outcome("result 2").schedules());
    }
}
