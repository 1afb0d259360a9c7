package racecourse.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import racecourse.explore.report.ExploreResult;

/** Method references to modelled calls ({@code Thread::start}) are controlled like the calls themselves. */
class MethodReferenceTests {
    static final class Box {
        int v;
    }

    @Test
    void threadStartAndJoinByMethodReference() {
        ExploreResult r = Explore.of(Box::new).thread(b -> {
            List<Thread> ts = List.of(new Thread(() -> { int x = b.v; b.v = x + 1; }),
                    new Thread(() -> { int x = b.v; b.v = x + 1; }));
            ts.forEach(Thread::start);
            for (Thread t : ts) t.join();
        }).after(b -> b.v).explore(ExploreOptions.defaults().withStrategy("exhaustive"));
        assertFalse(r.failed(), r.text());
        // A: forEach (a read of the list), start B, start C, iterator (a read), join B, join C; B and C read then
        // write. Orders that respect start-before-run and end-before-join: 71, all of them controlled.
        assertEquals(71, r.schedules(), r.text());
        assertEquals(2, r.counts().size(), r.text());
        assertEquals(List.of("result 1", "result 2").stream().sorted().toList(),
                r.counts().keySet().stream().sorted().toList());
    }
}
