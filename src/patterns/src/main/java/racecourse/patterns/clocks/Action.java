package racecourse.patterns.clocks;

/**
 * One step of a trace: a thread reads or writes a variable, takes or releases a lock, writes or reads a volatile,
 * or starts or joins another thread. Immutable, so thread-safe.
 *
 * @param thread the thread that acts
 * @param kind what it does
 * @param target the variable, lock, volatile or other thread it acts on
 */
public record Action(String thread, Kind kind, String target) {
    /** The kinds of action a trace can hold. */
    public enum Kind {
        READ("read"), WRITE("write"), ACQUIRE("lock"), RELEASE("unlock"), VOLATILE_WRITE("volatile write"),
        VOLATILE_READ("volatile read"), START("start"), JOIN("join");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        /** How the action reads in a report. */
        public String word() {
            return word;
        }
    }

    /** Short text for pictures, e.g. {@code x = …}, {@code … = x}, {@code lock mu}. */
    public String label() {
        return switch (kind) {
            case READ -> "read " + target;
            case WRITE -> target + " = …";
            case VOLATILE_READ -> "read v:" + target;
            case VOLATILE_WRITE -> "v:" + target + " = …";
            default -> kind.word() + " " + target;
        };
    }

    @Override
    public String toString() {
        return thread + ": " + kind.word() + " " + target;
    }
}
