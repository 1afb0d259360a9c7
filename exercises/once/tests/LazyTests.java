import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.api.Concurrently;
import racecourse.grader.api.Subject;

/** Visible tests of the once exercise: {@code Checks.run("once", Lazy.class)}. */
class LazyTests {
    @SuppressWarnings("unchecked")
    private final Subject<LazyContract<Object>> lazy = (Subject<LazyContract<Object>>) (Subject<?>)
            Subject.of(LazyContract.class);

    @Test
    @DisplayName("get returns what init built")
    void returnsTheValue() {
        assertEquals("hello", lazy.create((Supplier<Object>) () -> "hello").get());
    }

    @Test
    @DisplayName("the constructor does not run init; the first get does")
    void constructorIsLazy() {
        AtomicInteger calls = new AtomicInteger();
        LazyContract<Object> l = lazy.create((Supplier<Object>) () -> calls.incrementAndGet());
        assertEquals(0, calls.get(), "init ran before anyone called get");
        assertEquals(1, l.get(), "the first get returns what init built");
        assertEquals(1, calls.get(), "the first get runs init");
    }

    @Test
    @DisplayName("init runs once over many calls, and every call returns the same object")
    void runsOnce() {
        AtomicInteger calls = new AtomicInteger();
        LazyContract<Object> l = lazy.create((Supplier<Object>) () -> {
            calls.incrementAndGet();
            return new Object();
        });
        Object first = l.get();
        for (int i = 0; i < 100; i++) {
            assertSame(first, l.get(), "call " + i + " returned a different object");
        }
        assertEquals(1, calls.get(), "init ran " + calls.get() + " times");
    }

    @Test
    @DisplayName("a failing init makes get throw, and a later get tries again")
    void retriesAfterFailure() {
        AtomicInteger calls = new AtomicInteger();
        LazyContract<Object> l = lazy.create((Supplier<Object>) () -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("first try fails");
            }
            return "second try";
        });
        IllegalStateException e = assertThrows(IllegalStateException.class, l::get,
                "get should throw the exception init threw");
        assertEquals("first try fails", e.getMessage());
        assertEquals("second try", l.get(), "after a failure, get should run init again");
        assertEquals("second try", l.get());
        assertEquals(2, calls.get(), "init should run exactly twice: once failing, once succeeding");
    }

    @Test
    @DisplayName("a null value is a value: init is not run again")
    void nullIsAValue() {
        AtomicInteger calls = new AtomicInteger();
        LazyContract<Object> l = lazy.create((Supplier<Object>) () -> {
            calls.incrementAndGet();
            return null;
        });
        l.get();
        l.get();
        assertEquals(1, calls.get(), "init returned null and then ran again");
    }

    // Budget: 2 threads, an init that takes 20 ms, up to 5 rounds, stopping at the first double init.
    @Test
    @DisplayName("two threads calling get at once run init once and share its value")
    void twoThreadsOneInit() {
        for (int round = 1; round <= 5; round++) {
            AtomicInteger calls = new AtomicInteger();
            LazyContract<Object> l = lazy.create((Supplier<Object>) () -> {
                calls.incrementAndGet();
                Concurrently.pause(20);
                return new Object();
            });
            Object[] seen = new Object[2];
            Concurrently.run(2, Duration.ofSeconds(10), t -> seen[t] = l.get());
            assertEquals(1, calls.get(), "round " + round + ": init ran " + calls.get() + " times");
            assertSame(seen[0], seen[1], "round " + round + ": the two threads got different objects");
        }
    }
}
