package racecourse.patterns.identity;

/**
 * A request to serve. Immutable, so thread-safe.
 *
 * @param id the request's number
 * @param user who sent it, or null for an anonymous request
 */
public record Request(int id, String user) {
    /** The user, or {@code "anonymous"}. */
    public String userOrAnonymous() {
        return user == null ? "anonymous" : user;
    }
}
