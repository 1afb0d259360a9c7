package racecourse.patterns.identity;

/**
 * Passes the user down as a parameter. Every method on the way says in its signature that it needs a user, there
 * is nothing to clear, and the code does not care which thread runs it. The simplest style, and the one Go's
 * goroutines (which have no identity to hang state on) force. Thread-safe.
 */
public final class ExplicitParameterHandler implements RequestHandler {
    @Override
    public String handle(Request request) {
        return RequestHandler.served(request, deepInside(request.user()));
    }

    private static String deepInside(String user) {
        return Audit.record(user);
    }
}
