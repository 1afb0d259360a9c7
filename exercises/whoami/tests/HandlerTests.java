import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.api.Subject;

/** Visible tests of the whoami exercise: {@code Checks.run("whoami", Handler.class)}. */
class HandlerTests {
    private final Subject<HandlerContract> handler = Subject.of(HandlerContract.class);

    @Test
    @DisplayName("a request is served as its user, an anonymous one as anonymous")
    void servesAsTheUser() {
        HandlerContract h = handler.create();
        assertEquals("request 1 served as alice", h.handle(1, "alice"));
        assertEquals("request 2 served as anonymous", h.handle(2, null));
    }

    @Test
    @DisplayName("on a pool of one thread, an anonymous request after alice's is still anonymous")
    void noLeakOnAPool() throws Exception {
        HandlerContract h = handler.create();
        try (ExecutorService pool = Executors.newFixedThreadPool(1)) {
            assertEquals("request 1 served as alice", pool.submit(() -> h.handle(1, "alice")).get());
            assertEquals("request 2 served as anonymous", pool.submit(() -> h.handle(2, null)).get());
            assertEquals("request 3 served as bob", pool.submit(() -> h.handle(3, "bob")).get());
            assertEquals("request 4 served as anonymous", pool.submit(() -> h.handle(4, null)).get());
        }
    }

    @Test
    @DisplayName("on virtual threads, each request is served as its own user")
    void virtualThreads() throws Exception {
        HandlerContract h = handler.create();
        try (ExecutorService each = Executors.newVirtualThreadPerTaskExecutor()) {
            assertEquals("request 5 served as carol", each.submit(() -> h.handle(5, "carol")).get());
            assertEquals("request 6 served as anonymous", each.submit(() -> h.handle(6, null)).get());
        }
    }
}
