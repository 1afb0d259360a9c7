package racecourse.patterns.identity;

/**
 * The same {@link ThreadLocal}, set at the start of every request (to null for an anonymous one) and removed in
 * {@code finally}, so nothing survives into the next request on a pooled thread. Correct, but only as long as every
 * entry point remembers the set/remove pair. Thread-safe.
 */
public final class CleanThreadLocalHandler implements RequestHandler {
    private static final ThreadLocal<String> CURRENT_USER = new ThreadLocal<>();

    @Override
    public String handle(Request request) {
        CURRENT_USER.set(request.user());
        try {
            return RequestHandler.served(request, deepInside());
        } finally {
            CURRENT_USER.remove();
        }
    }

    private static String deepInside() {
        return Audit.record(CURRENT_USER.get());
    }
}
