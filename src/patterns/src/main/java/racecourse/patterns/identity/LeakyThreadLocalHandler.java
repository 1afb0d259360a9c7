package racecourse.patterns.identity;

/**
 * Keeps the current user in a {@link ThreadLocal} so deep code can find it without a parameter, and never clears
 * it. On a thread pool the next request that runs on the same thread and sets no user (an anonymous one) finds
 * the previous request's user still there, and is served as that user. The variable itself is confined to each
 * thread, so there is no data race; the bug is that a pooled thread outlives the request. Thread-safe, and wrong.
 */
public final class LeakyThreadLocalHandler implements RequestHandler {
    private static final ThreadLocal<String> CURRENT_USER = new ThreadLocal<>();

    @Override
    public String handle(Request request) {
        if (request.user() != null) CURRENT_USER.set(request.user()); // set, and never removed
        return RequestHandler.served(request, deepInside());
    }

    private static String deepInside() {
        return Audit.record(CURRENT_USER.get());
    }
}
