package racecourse.race.edges;

/** Test support: what a registered site records about its kind and direction. Thread-safe (stateless). */
public final class SiteFacts {
    private SiteFacts() {
    }

    /** The site's kind ({@link Site#FIELD}, {@link Site#STATIC}, {@link Site#ARRAY} or {@link Site#CALL}). */
    public static int kind(Site s) {
        return s.kind;
    }

    /** Whether the site writes. */
    public static boolean write(Site s) {
        return s.write;
    }
}
