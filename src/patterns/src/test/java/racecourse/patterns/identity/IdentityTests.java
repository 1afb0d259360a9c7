package racecourse.patterns.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class IdentityTests {
    private static final List<Request> REQUESTS = List.of(new Request(1, "alice"), new Request(2, null),
            new Request(3, "bob"), new Request(4, null));

    @Test
    void aThreadLocalThatIsNeverClearedLeaksTheUserIntoTheNextRequest() {
        List<String> lines = Serve.onPool(new LeakyThreadLocalHandler(), REQUESTS, 1);
        assertEquals("request 2 from anonymous served as alice", lines.get(1));
        assertEquals("request 4 from anonymous served as bob", lines.get(3));
    }

    @Test
    void theOtherStylesServeAnonymousRequestsAsAnonymous() {
        for (RequestHandler h : List.of(new CleanThreadLocalHandler(), new ExplicitParameterHandler(),
                new ScopedValueHandler())) {
            for (List<String> lines : List.of(Serve.onPool(h, REQUESTS, 1), Serve.onVirtualThreads(h, REQUESTS))) {
                assertEquals("request 1 from alice served as alice", lines.get(0), h.getClass().getSimpleName());
                assertEquals("request 2 from anonymous served as anonymous", lines.get(1), h.getClass().getSimpleName());
            }
        }
        assertFalse(ScopedValueHandler.USER.isBound());
    }

    @Test
    void onVirtualThreadsTheLeakyHandlerLooksFine() {
        List<String> lines = Serve.onVirtualThreads(new LeakyThreadLocalHandler(), REQUESTS);
        assertEquals("request 2 from anonymous served as anonymous", lines.get(1));
    }

    @Test
    void aPerThreadCacheHitsOnAPoolAndNeverOnVirtualThreads() throws Exception {
        assertEquals(2, PerThreadBuffers.onPool(1024, 2, 2000));
        assertEquals(2000, PerThreadBuffers.onVirtualThreads(1024, 2000));
    }

    // Budget: 4 tasks of 4 MB per case, up to 5 GCs per case.
    @Test
    void aPoolKeepsThreadLocalValuesAliveUntilTheyAreRemoved() throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            int kept = PooledLeak.stillReachable(pool, 4, 4, false);
            assertTrue(kept >= 1 && kept <= 2, "the pool's two threads should each hold their last array, got " + kept);
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            assertEquals(0, PooledLeak.stillReachable(pool, 4, 4, true));
        }
    }
}
