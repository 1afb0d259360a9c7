package racecourse.jmm;

import java.util.Locale;

/**
 * A Java access mode, as {@code VarHandle} names them. {@link #RELEASE} applies to stores and {@link #ACQUIRE}
 * to loads; {@link #PLAIN}, {@link #OPAQUE} and {@link #VOLATILE} apply to both. Immutable; thread-safe.
 */
public enum Mode {
    /** An ordinary field access: no ordering, and (in this calculator's Java model) no coherence. */
    PLAIN,
    /** {@code getOpaque}/{@code setOpaque}: coherent per variable, nothing more. */
    OPAQUE,
    /** {@code setRelease}: earlier accesses happen before an acquire load that sees this store. */
    RELEASE,
    /** {@code getAcquire}: sees a release store and everything that came before it. */
    ACQUIRE,
    /** {@code volatile}: release and acquire, plus one total order of all volatile accesses. */
    VOLATILE;

    /** The lower-case name used in the text format and in tables. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a mode word (plain, opaque, release, acquire, volatile; also rel, acq, vol). */
    public static Mode parse(String word) {
        return switch (word.trim().toLowerCase(Locale.ROOT)) {
            case "plain" -> PLAIN;
            case "opaque" -> OPAQUE;
            case "release", "rel" -> RELEASE;
            case "acquire", "acq" -> ACQUIRE;
            case "volatile", "vol" -> VOLATILE;
            default -> throw new IllegalArgumentException("unknown access mode '" + word
                    + "' (expected plain, opaque, release, acquire or volatile)");
        };
    }

    /** Whether a store with this mode is a release (release or volatile). */
    boolean releases() {
        return this == RELEASE || this == VOLATILE;
    }

    /** Whether a load with this mode is an acquire (acquire or volatile). */
    boolean acquires() {
        return this == ACQUIRE || this == VOLATILE;
    }
}
