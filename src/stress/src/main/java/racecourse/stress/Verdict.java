package racecourse.stress;

/** The headline of a stress run, worst first. */
public enum Verdict {
    /** An outcome the test forbids (or that no {@code @Outcome} covers) was counted at least once. */
    FORBIDDEN("FORBIDDEN outcome seen"),
    /** No forbidden outcome, and at least one outcome marked acceptable-interesting was counted. */
    INTERESTING("interesting outcome seen"),
    /** Only plainly acceptable outcomes were counted. */
    OK("no forbidden outcome seen");

    private final String words;

    Verdict(String words) {
        this.words = words;
    }

    /** The verdict in words, e.g. "interesting outcome seen". */
    public String words() {
        return words;
    }

    @Override
    public String toString() {
        return words;
    }
}
