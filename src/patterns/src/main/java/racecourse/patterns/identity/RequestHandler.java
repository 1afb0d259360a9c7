package racecourse.patterns.identity;

/** Serves a request and says whom it served it as. Implementations say whether they are thread-safe. */
public interface RequestHandler {
    /** Serves {@code request}; returns a line such as {@code "request 2 from anonymous served as alice"}. */
    String handle(Request request);

    /** The line a handler returns: the sender and the user the code deep inside believed it was serving. */
    static String served(Request request, String actingAs) {
        return "request " + request.id() + " from " + request.userOrAnonymous() + " served as " + actingAs;
    }
}
