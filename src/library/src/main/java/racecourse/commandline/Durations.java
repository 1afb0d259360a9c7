package racecourse.commandline;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The one reader of durations on the command line: {@code 500ms}, {@code 2s}, {@code 1.5s}, {@code 2m} or
 * {@code 2min}, {@code 1h}, or a plain number of seconds. Use it as a picocli converter
 * ({@code converter = Durations.class}) or call {@link #parse}. Thread-safe (stateless).
 */
public final class Durations implements ITypeConverter<Duration> {
    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min|h)?");

    /** Converts an option's text, with picocli's error for a malformed one. */
    @Override
    public Duration convert(String value) {
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /**
     * Parses a duration.
     *
     * @throws IllegalArgumentException saying what is accepted, for a malformed or zero-free nonsense value
     */
    public static Duration parse(String value) {
        Matcher m = FORM.matcher(value == null ? "" : value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a duration (examples: 500ms, 2s, 1.5s, 2m, 1h)");
        }
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double nanos = amount * switch (unit) {
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m", "min" -> 60e9;
            default -> 3600e9;
        };
        if (nanos > Long.MAX_VALUE) throw new IllegalArgumentException("'" + value + "' is too long a duration");
        return Duration.ofNanos(Math.round(nanos));
    }
}
