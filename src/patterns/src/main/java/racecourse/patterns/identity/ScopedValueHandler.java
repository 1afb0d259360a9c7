package racecourse.patterns.identity;

/**
 * Binds the user in a {@link ScopedValue} for exactly the extent of the call that serves the request. Deep code
 * reads it without a parameter, as with a thread-local, but the binding cannot be changed from inside, ends when the
 * call returns (nothing to remove, nothing to leak into the next request), and a pool thread holds nothing
 * afterwards. Final in JDK 25 (JEP 506). Thread-safe.
 */
public final class ScopedValueHandler implements RequestHandler {
    /** The user of the request being served on this thread, bound only while a request is served. */
    public static final ScopedValue<String> USER = ScopedValue.newInstance();

    @Override
    public String handle(Request request) {
        return ScopedValue.where(USER, request.userOrAnonymous()).call(() -> RequestHandler.served(request, deepInside()));
    }

    private static String deepInside() {
        return Audit.record(USER.isBound() ? USER.get() : null);
    }
}
