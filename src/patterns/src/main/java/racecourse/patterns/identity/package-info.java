/**
 * Lesson 10, thread identity: a request's user carried to the code that needs it four ways, in a
 * {@link java.lang.ThreadLocal} that is never cleared (it leaks to the next request on a pooled thread), in one
 * cleared in {@code finally}, as an explicit parameter, and in a {@link java.lang.ScopedValue}; plus a per-thread
 * cache that pays off on a small pool and not at all on virtual threads, and a buffer a pool keeps alive.
 */
package racecourse.patterns.identity;
