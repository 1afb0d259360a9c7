import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.api.Concurrently;
import racecourse.grader.api.Points;
import racecourse.grader.api.Subject;

/** Hidden checks of the whoami exercise: many users at once, each answer checked. */
class HandlerStressTests {
    private final Subject<HandlerContract> handler = Subject.of(HandlerContract.class);

    // Budget: 4 threads x 10 000 requests on one shared handler; every answer is compared.
    @Test
    @Points(3)
    @DisplayName("four threads serving different users at once always get their own user")
    void manyUsersAtOnce() {
        HandlerContract h = handler.create();
        AtomicLong wrong = new AtomicLong();
        Concurrently.run(4, Duration.ofSeconds(15), t -> {
            for (int i = 0; i < 10_000; i++) {
                String user = (i % 3 == 0) ? null : "user" + t;
                String expected = "request " + i + " served as " + (user == null ? "anonymous" : user);
                if (!expected.equals(h.handle(i, user))) wrong.incrementAndGet();
            }
        });
        assertEquals(0, wrong.get(), "requests served as the wrong user");
    }

    @Test
    @Points(1)
    @DisplayName("after a named request, an anonymous one on the same thread is anonymous")
    void nothingLeftBehind() {
        HandlerContract h = handler.create();
        h.handle(1, "mallory");
        assertEquals("request 2 served as anonymous", h.handle(2, null));
    }
}
